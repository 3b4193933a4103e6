package org.waystation.routing.classifier;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeywordClassifierTest {

	private final KeywordClassifier classifier = new KeywordClassifier(KeywordRules.standard());

	@Test
	void routesUnpaidDeliveryFeesToHumanResources() {
		Classification result = this.classifier.classify("站点拖欠我两个月的配送费，站长一直说下个月结算。");

		assertThat(result.category()).isEqualTo("WAGE_ARREARS");
		assertThat(result.department()).isEqualTo("HRSS");
		assertThat(result.priority()).isEqualTo("HIGH");
		assertThat(result.matchedKeywords()).contains("拖欠", "配送费");
		assertThat(result.confidence()).isBetween(0.5, 1.0);
		assertThat(result.explanation()).contains("WAGE_ARREARS", "HRSS");
		assertThat(result.rulesVersion()).isEqualTo(KeywordRules.standard().version());
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			骑手账号被平台无故封号，申诉三次都没回复                 | PLATFORM_RULES    | PLATFORM_LIAISON
			我的电动车上牌要准备哪些材料                             | TRAFFIC_SAFETY    | TRAFFIC_POLICE
			货车在治超站称重后被要求卸货，道路运输证也被扣了             | FREIGHT_TRANSPORT | TRANSPORT
			后厨很脏有苍蝇，还用过期食材                             | FOOD_SAFETY       | MARKET_REGULATION
			孩子没有本地户口，想咨询随迁子女积分入学                   | CHILD_EDUCATION   | EDUCATION
			驿站的微波炉坏了一个星期了                               | REST_STATION      | COMMUNITY
			想加入工会，请问快递员怎么入会                           | UNION_SERVICE     | TRADE_UNION
			工资被拖欠，想申请法律援助找个律师                         | LEGAL_AID         | JUSTICE
			My platform account was banned without any reason        | PLATFORM_RULES    | PLATFORM_LIAISON
			""")
	void routesEachCategoryToItsDepartment(String text, String category, String department) {
		Classification result = this.classifier.classify(text);

		assertThat(result.category()).isEqualTo(category);
		assertThat(result.department()).isEqualTo(department);
	}

	@Test
	void marksDangerToLifeUrgentWhateverTheCategory() {
		Classification result = this.classifier.classify("送餐路上出了车祸，同事流血不止，平台让我们先别报警");

		assertThat(result.priority()).isEqualTo("URGENT");
	}

	@Test
	void sendsTextItCannotPlaceToTriageWithNoConfidence() {
		Classification result = this.classifier.classify("你好");

		assertThat(result.category()).isEqualTo("OTHER");
		assertThat(result.department()).isEqualTo("TRIAGE");
		assertThat(result.confidence()).isZero();
		assertThat(result.matchedKeywords()).isEmpty();
	}

	@Test
	void tellsComplaintsReportsSuggestionsAndQuestionsApart() {
		assertThat(this.classifier.classify("我要投诉这家店后厨不卫生").appealType()).isEqualTo("COMPLAINT");
		assertThat(this.classifier.classify("举报一个无证经营的黑作坊").appealType()).isEqualTo("REPORT");
		assertThat(this.classifier.classify("请问社保卡怎么补办？").appealType()).isEqualTo("CONSULTATION");
		assertThat(this.classifier.classify("工资三个月没发了").appealType()).isEqualTo("HELP");
		Classification wish = this.classifier.classify("建议驿站能不能增加几个充电插座");
		assertThat(wish.appealType()).isEqualTo("SUGGESTION");
		assertThat(wish.priority()).isEqualTo("LOW");
	}

	@Test
	void matchesEnglishKeywordsOnlyAsWholeWords() {
		Classification result = this.classifier.classify("My parent is currently visiting");

		assertThat(result.category()).isEqualTo("OTHER");
	}

	@Test
	void refusesRulesThatNameAnUnknownCategory() {
		assertThatThrownBy(
				() -> new KeywordRules("v", List.of(new KeywordRules.CategoryKeywords("WEATHER", List.of("雨"))),
						List.of(), List.of(), List.of(), List.of(), "HELP"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("WEATHER");
	}

}
