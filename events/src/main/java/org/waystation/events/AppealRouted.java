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
 */
public record AppealRouted(UUID eventId, String appealId, Instant occurredAt, int schemaVersion, String correlationId,
		String trackingCode, String category, String department, String appealType, String priority, double confidence,
		List<String> matchedKeywords, String explanation, String district, List<String> assistingDepartments,
		String office, String duplicateOf, List<Suggestion> suggestions) implements Event {

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
