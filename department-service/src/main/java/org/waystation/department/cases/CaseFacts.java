package org.waystation.department.cases;

import java.time.Instant;
import java.util.List;

/** What a case knows of the appeal behind it, copied from routing when it opens. */
public final class CaseFacts {

	private CaseFacts() {
	}

	/**
	 * What the worker submitted.
	 *
	 * @param text the worker's words exactly as submitted
	 * @param channel the channel it came through
	 * @param stationId the rest station it came from, or {@code null}
	 * @param workerId the worker's pseudonymous id (never the phone number)
	 */
	public record Submission(String text, String channel, String stationId, Instant submittedAt, String workerId) {

	}

	/**
	 * Why the appeal came to this department.
	 *
	 * @param confidence the classifier's confidence in the department (its categories'
	 * probabilities added up), 0 to 1
	 * @param matchedKeywords the words that weighed most
	 * @param explanation why, in Chinese
	 * @param explanationEn why, in English
	 * @param policy what the confidence policy did ({@code AUTO},
	 * {@code LOW_CONFIDENCE_TRIAGE}, {@code URGENT},
	 * {@code URGENT_BEST_GUESS_AND_TRIAGE})
	 * @param ruleId the routing rule that named the department, or {@code null}
	 */
	public record Routing(Double confidence, List<String> matchedKeywords, String explanation, String explanationEn,
			String policy, String ruleId) {

		public Routing {
			matchedKeywords = (matchedKeywords != null) ? List.copyOf(matchedKeywords) : List.of();
		}

	}

}
