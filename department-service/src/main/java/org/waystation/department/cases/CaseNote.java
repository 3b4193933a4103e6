package org.waystation.department.cases;

import java.time.Instant;

/**
 * Something written on a case: an internal note for colleagues, a reply the worker reads,
 * or the worker's answer to a question staff asked.
 *
 * @param kind {@link #NOTE} (internal), {@link #REPLY} (the worker reads it) or
 * {@link #ANSWER} (the worker wrote it)
 * @param author the staff member, or {@code worker} for an answer
 */
public record CaseNote(String kind, String author, String text, Instant at) {

	static final String NOTE = "NOTE";

	static final String REPLY = "REPLY";

	static final String ANSWER = "ANSWER";

	/** The author of an answer: the worker, whose identity the case does not hold. */
	static final String WORKER = "worker";

}
