package org.waystation.classifier;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Danger phrased the way people write it, none of it in the shipped examples: veiled
 * thoughts of suicide, threats and violence, injuries (in English too), groups of workers
 * counted roughly, collective action forming, being stranded on a road at night. And what
 * only sounds like danger: first-aid training, someone else's accident long ago, a claim
 * for an old injury, hyperbole.
 */
class UrgentSignalsTest {

	static AppealClassifier classifier;

	@BeforeAll
	static void train() {
		classifier = AppealClassifier.train(TrainingData.shipped(), SignalRules.standard(), new TextFeatures());
	}

	@ParameterizedTest
	@ValueSource(strings = {
			// Veiled thoughts of suicide and self-harm.
			"送了三年外卖，欠了一屁股债，真的撑不下去了，想一了百了。", "老婆带孩子走了，账号也被封了，感觉活不下去了，不如走了算了。", "每天跑十几个小时还是还不上网贷，想从这个世界消失。",
			"站长天天骂我，我想睡过去就不要再醒来了。", "我已经把后事都交代好了，银行卡密码发给我妈了。", "活着太没意思了，今晚就去江边做个了断。", "我不想再拖累家里人了，准备解脱了。",
			"这日子过不下去了，我站在天台上想了很久。", "I can't go on like this anymore, everyone would be better off without me.",
			"My colleague said he wants to end it all tonight and gave away his e-bike.",
			"There is no point in living, I have been thinking about ending things.",
			"最近真的撑不下去了，感觉活着没什么盼头，有时候想干脆睡过去算了。", "欠的网贷越滚越多，每天都在想怎么样才能彻底解脱。", "跑单三年什么也没攒下，觉得自己就是个累赘，不如消失算了。",
			"被平台封号后走投无路，真想一死了之。", "工作也没了，我不想再活了。", "我给家里人都写好了信，明天就不用再担心我了。", "我囤了好多安眠药，放在床头。", "外卖小哥站在天桥栏杆外面，说要往下跳。",
			"再这样下去我真不知道自己会做出什么傻事来。", "I don't see any point in going on anymore.",
			"I have been saving up pills and I think tonight is the night.",
			// Threats and violence.
			"顾客说要找人弄死我，现在就在小区门口堵着我。", "站长拿着棍子追着我打，我躲在楼道里。", "有个男的掐着我的脖子不让我走，路人帮我报了警。",
			"A customer pulled a knife on me at the door and is still outside.",
			"Someone is threatening to kill me over a late order.",
			// Injuries and accidents.
			"I fell off my scooter during a delivery, broke my leg and I'm in hospital, I can't pay the bill.",
			"My friend was hit by a car while delivering food, he is unconscious.",
			"I slipped on the stairs carrying a parcel and my arm is fractured, the hospital wants a deposit.",
			"A truck ran over my foot at the warehouse this morning, there is a lot of blood.",
			"今天下午送件时从三轮车上摔下来，左腿骨折，人在医院，押金交不起。", "同事在仓库被货架砸中头部，送到医院还在抢救。",
			// Groups counted roughly, and collective action forming.
			"我们站点约二十名骑手已经两个月没拿到工资，准备一起去平台公司讨说法。", "近三十位快递员的派费被扣，大家商量明天一起去总部。", "数十名货车司机聚在物流园门口要说法。",
			"上百个外卖兄弟的保证金被卷走了，都在站点等着。",
			"About twenty riders at our station have not been paid for two months and we are going to the platform office together.",
			"Dozens of drivers are gathering at the depot because the company owes us wages.",
			"二十个左右的网约车司机被拖欠奖励，说好今天一起去公司堵门。", "我们站点的兄弟们说明天集体不跑了，一起去公司讨个说法。",
			// Stranded on a road at night.
			"半夜货车在国道上没油了，周围一片漆黑，大车一辆接一辆呼啸而过，很危险。",
			"My truck broke down on the highway at night in the rain and I have no warning triangle.",
			"晚上十一点电动车没电了，被困在山路上，手机也快没电了。" })
	void marksDangerUrgentHoweverItIsWritten(String text) {
		Classification result = classifier.classify(text);

		assertThat(result.urgent()).as(text + " -> " + result.priority() + " " + result.explanation().rules()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "朋友推荐我看电影《活着》，驿站能放映吗？", "累死了，今天跑了六十单，驿站能不能晚点关门？",
			"The delivery app keeps killing my battery, can the station add chargers?",
			"I am dying to know when the new rest station opens.", "工作压力大，晚上睡不好，想找心理咨询师聊聊。", "驿站能不能组织一次急救培训？大家都想学心肺复苏。",
			"去年同事送餐时出过车祸，现在想问问怎么给骑手买意外险。", "想了解一下骑手摔伤后怎么申请工伤认定，需要哪些材料。", "我们二十名骑手想报名参加驿站的电动车安全培训。",
			"希望平台在高速服务区多建一些司机休息室。", "上个月摔伤了腿，现在已经好了，医药费公司一直没报销。",
			"Could the station run a first-aid course for couriers?",
			"A colleague broke his leg last year and the company still hasn't paid compensation.",
			"这个单子送得我累死了，下次再也不接这么远的了。", "顾客打电话说要投诉我，态度很差。", "驿站的热水器坏了，冬天洗不了热水澡。", "晚上在驿站休息能不能延长开放时间？",
			"平台规定的配送时间太短，希望平台听听骑手的建议。", "我想了解一下心理咨询热线，最近压力有点大。", "The app keeps crashing when I try to accept orders.",
			"笑死我了，今天送餐遇到一只猫跟了我一路。", "Could the rest station stay open at night for drivers on the highway?",
			"手机没电了，能不能在驿站充个电？", "我们站点的骑手都说驿站的微波炉太少了，建议大家一起向平台反映。" })
	void leavesWhatOnlySoundsLikeDangerAtItsOwnPriority(String text) {
		Classification result = classifier.classify(text);

		assertThat(result.urgent()).as(text + " -> " + result.explanation().rules()).isFalse();
	}

	/**
	 * A second set written apart from the examples: each danger marked URGENT, each
	 * look-alike not.
	 */
	@ParameterizedTest
	@MethodSource("dangerAndLookAlikes")
	void tellsDangerFromItsLookAlikes(boolean danger, String text) {
		Classification result = classifier.classify(text);

		assertThat(result.urgent()).as(text + " -> " + result.priority() + " " + result.explanation().rules())
			.isEqualTo(danger);
	}

	static Stream<Arguments> dangerAndLookAlikes() throws IOException {
		try (InputStream in = UrgentSignalsTest.class.getResourceAsStream("danger-and-look-alikes.tsv")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter((line) -> !line.isBlank() && !line.startsWith("#"))
				.map((line) -> line.split("\t", 2))
				.map((columns) -> Arguments.of("U".equals(columns[0]), columns[1]))
				.toList()
				.stream();
		}
	}

}
