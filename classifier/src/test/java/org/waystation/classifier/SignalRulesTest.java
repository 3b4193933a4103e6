package org.waystation.classifier;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.waystation.classifier.SignalRules.Kind;
import org.waystation.classifier.SignalRules.Signal;

import static org.assertj.core.api.Assertions.assertThat;

class SignalRulesTest {

	final SignalRules rules = SignalRules.standard();

	List<String> fired(String text) {
		return this.rules.signals(TextFeatures.normalize(text)).stream().map(Signal::ruleId).toList();
	}

	@Test
	void anExplicitAskForALawyerIsAnExplicitAskForLegalAid() {
		List<Signal> signals = this.rules.signals(TextFeatures.normalize("公司拖欠工资半年，我想申请法律援助"));
		assertThat(signals).anySatisfy((signal) -> {
			assertThat(signal.kind()).isEqualTo(Kind.EXPLICIT_ASK);
			assertThat(signal.category()).isEqualTo("LEGAL_AID");
			assertThat(signal.matched()).isEqualTo("法律援助");
		});
		assertThat(fired("I need a lawyer for my dismissal case")).contains("legal-aid-ask");
		assertThat(fired("律师费太贵怎么报销")).doesNotContain("legal-aid-ask");
	}

	@Test
	void anInjuryNeedsASignThatItIsHappeningNowUnlessItIsInThePast() {
		assertThat(fired("刚刚被车撞了，现在躺在路边动不了")).contains("injury-now");
		assertThat(fired("去年被车撞了，现在还没赔")).doesNotContain("injury-now");
		assertThat(fired("送餐时摔伤了想申请工伤认定")).doesNotContain("injury-now");
		assertThat(fired("My colleague was just hit by a car, he is bleeding")).contains("injury-now");
	}

	@Test
	void emergencyAndHazardWordsAreUrgent() {
		assertThat(fired("同事中暑晕倒了叫不醒")).contains("medical-emergency");
		assertThat(fired("想报名急救培训")).doesNotContain("medical-emergency");
		assertThat(fired("驿站充电的电池冒烟了")).contains("fire-hazard");
		assertThat(fired("They want to fire me")).doesNotContain("fire-hazard");
		assertThat(fired("我不想活了")).contains("self-harm");
		assertThat(this.rules.signals("我不想活了").get(0).category()).isEqualTo("MENTAL_HEALTH");
	}

	@Test
	void aSuddenIllnessGoesToHealthAndAMealThatMadeSeveralIllToFoodSafety() {
		assertThat(categoryOf("驿站里有个大姐突然说不出话，半边脸歪了")).isEqualTo("HEALTH_SERVICE");
		assertThat(categoryOf("A driver is having a seizure in the parking lot")).isEqualTo("HEALTH_SERVICE");
		// An injury, a gas, a meal or a question about a claim is not a sudden illness.
		assertThat(fired("从梯子上摔下来，人叫不醒")).doesNotContain("acute-illness");
		assertThat(fired("冷库氨气泄漏，有人晕倒了")).doesNotContain("acute-illness");
		assertThat(fired("上班时中暑晕倒，这个算工伤吗")).doesNotContain("acute-illness");
		assertThat(fired("压力大到喘不过气")).doesNotContain("acute-illness");
		assertThat(categoryOf("食堂吃完午饭，我们二十多个人都开始吐，有几个已经站不起来了")).isEqualTo("FOOD_SAFETY");
		assertThat(categoryOf("Four of us ate at the same noodle shop and now we're all vomiting"))
			.isEqualTo("FOOD_SAFETY");
		// Not now, or only one person: the model decides.
		assertThat(fired("驿站旁边的盒饭摊剩菜混着卖，好几个兄弟吃了拉肚子")).doesNotContain("food-poisoning-now");
		assertThat(fired("吃了外卖以后有点拉肚子，要不要去医院")).doesNotContain("food-poisoning-now");
	}

	String categoryOf(String text) {
		return this.rules.signals(TextFeatures.normalize(text))
			.stream()
			.filter((signal) -> signal.kind() == Kind.URGENT && signal.category() != null)
			.map(Signal::category)
			.findFirst()
			.orElse(null);
	}

	@Test
	void aGroupOfTenOrMoreUnpaidWorkersIsUrgentWhateverWayTheNumberIsWritten() {
		assertThat(fired("20名骑手三个月没发工资")).contains("group-unpaid");
		assertThat(fired("我们二十多个兄弟的工钱被拖了")).contains("group-unpaid");
		assertThat(fired("十几个快递员在网点门口讨薪")).contains("group-unpaid");
		assertThat(fired("30 riders have not been paid for two months")).contains("group-unpaid");
		assertThat(fired("a couple dozen of us riders are going to the platform's office together"))
			.contains("group-unpaid");
		assertThat(fired("sixty drivers have not been paid since october")).contains("group-unpaid");
		assertThat(fired("我们三个人的工资没发")).doesNotContain("group-unpaid");
		assertThat(fired("二十名骑手想参加培训")).doesNotContain("group-unpaid");
	}

	@Test
	void highPriorityAndTypeRulesHaveTheirKinds() {
		assertThat(this.rules.signals(TextFeatures.normalize("账号被封了一单都接不了")))
			.anySatisfy((signal) -> assertThat(signal.kind()).isEqualTo(Kind.HIGH));
		assertThat(this.rules.signals(TextFeatures.normalize("我要举报这家店用过期的肉"))).anySatisfy((signal) -> {
			assertThat(signal.kind()).isEqualTo(Kind.TYPE);
			assertThat(signal.type()).isEqualTo("REPORT");
		});
		assertThat(fired("请问怎么举报无证餐馆")).doesNotContain("report");
	}

	@Test
	void chineseNumbersAreReadAsPeopleWriteThem() {
		assertThat(ChineseNumbers.parse("20")).isEqualTo(20);
		assertThat(ChineseNumbers.parse("十")).isEqualTo(10);
		assertThat(ChineseNumbers.parse("二十")).isEqualTo(20);
		assertThat(ChineseNumbers.parse("十五")).isEqualTo(15);
		assertThat(ChineseNumbers.parse("十几")).isEqualTo(12);
		assertThat(ChineseNumbers.parse("几十")).isEqualTo(20);
		assertThat(ChineseNumbers.parse("两百")).isEqualTo(200);
		assertThat(ChineseNumbers.parse("三")).isEqualTo(3);
		assertThat(ChineseNumbers.parse("a couple dozen")).isEqualTo(24);
		assertThat(ChineseNumbers.parse("A few dozen")).isEqualTo(24);
		assertThat(ChineseNumbers.parse("ninety")).isEqualTo(90);
	}

}
