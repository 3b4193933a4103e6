package org.waystation.routing.decision;

import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import org.waystation.classifier.Classification;
import org.waystation.classifier.Classification.Alternative;
import org.waystation.events.Taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

class ConfidencePolicyTest {

	static final double THRESHOLD = 0.6;

	final Taxonomy taxonomy = Taxonomy.standard();

	/**
	 * Each category's default department, with an office so tests can tell rules apart.
	 */
	final Function<String, Decision.RuleUse> rules = (category) -> {
		String department = this.taxonomy.category(category).orElseThrow().department();
		return new Decision.RuleUse("default-" + category, 0L, 7, department, department + " office", null);
	};

	static Classification classification(String category, String priority, double confidence, List<String> assisting,
			String... alternatives) {
		Taxonomy taxonomy = Taxonomy.standard();
		List<Alternative> ranked = java.util.stream.Stream
			.concat(java.util.stream.Stream.of(category), java.util.stream.Stream.of(alternatives))
			.map((code) -> new Alternative(code, taxonomy.category(code).orElseThrow().department(), 0.3))
			.toList();
		return new Classification(category, taxonomy.category(category).orElseThrow().department(), assisting, "HELP",
				priority, confidence, ranked, new Classification.Explanation(List.of(), List.of(), "", ""), List.of(),
				"model", "signals");
	}

	@Test
	void aConfidentAppealGoesWhereTheRuleSaysWithItsAssistingDepartments() {
		ConfidencePolicy.Outcome outcome = ConfidencePolicy.apply(
				classification("LEGAL_AID", "HIGH", 0.9, List.of("HRSS"), "WAGE_ARREARS", "LABOR_DISPUTE"), this.rules,
				THRESHOLD);
		assertThat(outcome.policy()).isEqualTo(Decision.AUTO);
		assertThat(outcome.department()).isEqualTo("JUSTICE");
		assertThat(outcome.office()).isEqualTo("JUSTICE office");
		assertThat(outcome.assistingDepartments()).containsExactly("HRSS");
		assertThat(outcome.triage()).isFalse();
		assertThat(outcome.rule().id()).isEqualTo("default-LEGAL_AID");
	}

	@Test
	void anUnsureAppealGoesToTriageAlone() {
		ConfidencePolicy.Outcome outcome = ConfidencePolicy.apply(
				classification("REST_STATION", "NORMAL", 0.41, List.of("TRADE_UNION"), "UNION_SERVICE", "OTHER"),
				this.rules, THRESHOLD);
		assertThat(outcome.policy()).isEqualTo(Decision.LOW_CONFIDENCE_TRIAGE);
		assertThat(outcome.department()).isEqualTo("TRIAGE");
		assertThat(outcome.assistingDepartments()).isEmpty();
		assertThat(outcome.triage()).isTrue();
	}

	@Test
	void anUnsureUrgentAppealGoesToItsBestGuessAndToTriageAtOnce() {
		ConfidencePolicy.Outcome outcome = ConfidencePolicy.apply(
				classification("WORK_INJURY", "URGENT", 0.45, List.of(), "TRAFFIC_SAFETY", "HEALTH_SERVICE"),
				this.rules, THRESHOLD);
		assertThat(outcome.policy()).isEqualTo(Decision.URGENT_BEST_GUESS_AND_TRIAGE);
		assertThat(outcome.department()).isEqualTo("HRSS");
		assertThat(outcome.assistingDepartments()).containsExactly("TRIAGE");
		assertThat(outcome.triage()).isTrue();
	}

	@Test
	void aConfidentUrgentAppealGoesStraightToItsDepartment() {
		ConfidencePolicy.Outcome outcome = ConfidencePolicy
			.apply(classification("MENTAL_HEALTH", "URGENT", 0.93, List.of()), this.rules, THRESHOLD);
		assertThat(outcome.policy()).isEqualTo(Decision.URGENT);
		assertThat(outcome.department()).isEqualTo("HEALTH");
		assertThat(outcome.assistingDepartments()).isEmpty();
		assertThat(outcome.triage()).isFalse();
	}

	@Test
	void anUrgentAppealTheClassifierCannotPlaceStillGoesToTheLikeliestRealDepartment() {
		ConfidencePolicy.Outcome outcome = ConfidencePolicy.apply(
				classification("OTHER", "URGENT", 0.8, List.of(), "HEALTH_SERVICE", "WORK_INJURY"), this.rules,
				THRESHOLD);
		assertThat(outcome.policy()).isEqualTo(Decision.URGENT_BEST_GUESS_AND_TRIAGE);
		assertThat(outcome.department()).isEqualTo("HEALTH");
		assertThat(outcome.rule().id()).isEqualTo("default-HEALTH_SERVICE");
		assertThat(outcome.assistingDepartments()).containsExactly("TRIAGE");
	}

}
