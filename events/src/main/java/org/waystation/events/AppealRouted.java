package org.waystation.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Routing decided which category an appeal belongs to and which department leads its
 * handling.
 *
 * @param confidence between 0 and 1
 * @param explanation why this decision was taken, for people
 * @param assistingDepartments departments that assist (协办) the lead department, if any
 * @param office the department's office the routing rule chose (for example a district
 * bureau), or {@code null}
 * @param duplicateOf the appeal id of an earlier appeal from the same worker about the
 * same thing (并单 suggestion), or {@code null}
 * @param suggestions the classifier's three likeliest categories, for the triage desk
 * @param text the worker's words exactly as submitted, for the staff who handle it
 * @param channel the channel it came through ({@link Channel})
 * @param stationId the rest station it came from, or {@code null}
 * @param submittedAt when the worker submitted it
 * @param explanationEn the explanation in English
 * @param policy how confidence decided the department: {@code AUTO},
 * {@code LOW_CONFIDENCE_TRIAGE}, {@code URGENT} or {@code URGENT_BEST_GUESS_AND_TRIAGE}
 * @param routingRuleId the routing rule that named the department, or {@code null}
 * @param workerId the worker's pseudonymous id (as on {@link AppealSubmitted}), so that
 * staff can find a worker's other appeals without holding the phone number
 */
public record AppealRouted(UUID eventId, String appealId, Instant occurredAt, int schemaVersion, String correlationId,
		String trackingCode, String category, String department, String appealType, String priority, double confidence,
		List<String> matchedKeywords, String explanation, String district, List<String> assistingDepartments,
		String office, String duplicateOf, List<Suggestion> suggestions, String text, String channel, String stationId,
		Instant submittedAt, String explanationEn, String policy, String routingRuleId,
		String workerId) implements Event {

	public static final int SCHEMA_VERSION = 1;

	public AppealRouted {
		matchedKeywords = (matchedKeywords != null) ? List.copyOf(matchedKeywords) : List.of();
		assistingDepartments = (assistingDepartments != null) ? List.copyOf(assistingDepartments) : List.of();
		suggestions = (suggestions != null) ? List.copyOf(suggestions) : List.of();
	}

	/**
	 * A category the appeal may belong to, the department that receives it, and how
	 * likely.
	 */
	public record Suggestion(String category, String department, double score) {

	}

}
