package org.waystation.routing.decision;

import java.time.Instant;
import java.util.List;

import org.waystation.classifier.Classification;
import org.waystation.routing.similar.Duplicate;

/**
 * A routing decision as the API shows it, for a routed appeal and for a preview alike.
 *
 * @param suggestions the three most likely categories with their departments and scores
 * (the triage desk's top-3)
 * @param text the worker's words exactly as submitted (the previewed text, for a preview)
 * @param routingRule the routing rule used and the rule set version in force
 */
public record DecisionView(String appealId, String trackingCode, String text, String channel, String category,
		String department, List<String> assistingDepartments, String office, String appealType, String priority,
		double confidence, String policy, boolean triage, boolean supervisorAlerted,
		List<Classification.Alternative> suggestions, Explanation explanation, Decision.RuleUse routingRule,
		Duplicate duplicateOf, Decision.TopicRef hotTopic, String modelVersion, String signalRulesVersion,
		String district, String stationId, Instant decidedAt) {

	/**
	 * Why, for people (zh-CN and en), with the rules that fired and the words that
	 * weighed most.
	 */
	public record Explanation(String zh, String en, List<Classification.FiredRule> rules,
			List<Classification.WeightedTerm> words) {

	}

	static DecisionView preview(Decision decision, String text, String channel, String district, String stationId) {
		Classification c = decision.classification();
		return new DecisionView(null, null, text, channel, c.category(), decision.department(),
				decision.assistingDepartments(), decision.office(), c.appealType(), c.priority(), c.confidence(),
				decision.policy(), decision.triage(), decision.alert(), c.alternatives(),
				new Explanation(decision.explanationZh(), decision.explanationEn(), c.explanation().rules(),
						c.explanation().terms()),
				decision.rule(), decision.duplicateOf(), decision.topic(), c.modelVersion(), c.rulesVersion(), district,
				stationId, null);
	}

}
