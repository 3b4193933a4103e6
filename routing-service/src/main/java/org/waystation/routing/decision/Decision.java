package org.waystation.routing.decision;

import java.util.List;

import org.waystation.classifier.Classification;
import org.waystation.routing.similar.Duplicate;
import org.waystation.routing.similar.TopicClusterer;

/**
 * Everything routing decided about one appeal and why: the classification, the rule that
 * chose the department and office, what the confidence policy did, and the appeals it is
 * linked to.
 *
 * @param policy {@code AUTO}, {@code LOW_CONFIDENCE_TRIAGE}, {@code URGENT} or
 * {@code URGENT_BEST_GUESS_AND_TRIAGE}
 * @param triage whether the triage desk gets the appeal (alone, or beside the best guess)
 * @param alert whether a supervisor is alerted
 * @param duplicateOf the earlier appeal from the same worker about the same thing, or
 * {@code null}
 * @param topic the hot topic the appeal belongs to (or would join), or {@code null}
 * @param placement where routing counts the appeal among hot topics once the decision is
 * stored; {@code null} for a preview
 */
public record Decision(Classification classification, String department, List<String> assistingDepartments,
		String office, String policy, boolean triage, boolean alert, RuleUse rule, Duplicate duplicateOf,
		TopicRef topic, String explanationZh, String explanationEn, TopicClusterer.Placement placement) {

	public static final String AUTO = "AUTO";

	public static final String LOW_CONFIDENCE_TRIAGE = "LOW_CONFIDENCE_TRIAGE";

	public static final String URGENT = "URGENT";

	public static final String URGENT_BEST_GUESS_AND_TRIAGE = "URGENT_BEST_GUESS_AND_TRIAGE";

	/**
	 * The routing rule used.
	 *
	 * @param id the rule's id, {@code null} when no rule covered the category (the
	 * taxonomy's default department was used)
	 * @param revision the rule's revision
	 * @param rulesetVersion the rule set version in force
	 */
	public record RuleUse(String id, Long revision, long rulesetVersion, String department, String office,
			String note) {

	}

	/** A hot topic: its id, how many appeals it has (this one included) and its words. */
	public record TopicRef(String id, int count, int workers, List<String> topWords) {

	}

}
