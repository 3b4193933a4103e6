package org.waystation.department.cases;

import java.time.Instant;

/**
 * Something written on a case: an internal note for colleagues, or a reply the worker
 * reads.
 *
 * @param kind NOTE (internal) or REPLY (visible to the worker)
 */
public record CaseNote(String kind, String author, String text, Instant at) {

	static final String NOTE = "NOTE";

	static final String REPLY = "REPLY";

}
