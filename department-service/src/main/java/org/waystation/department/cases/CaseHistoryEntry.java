package org.waystation.department.cases;

import java.time.Instant;

/**
 * One step in a case's history (the 工单's record of the flow). Entries are only ever
 * added: a second resolution, rating or extension is a new entry beside the first.
 *
 * @param action what happened, one of the constants here
 * @param actor who did it: the token's subject of the staff member, {@code worker},
 * {@code routing} or {@code system}
 * @param text what was written with it: the note, reply, question, answer, reason,
 * resolution or rating comment
 * @param detail what else it says, such as the rating, the extension asked for, the legal
 * basis of a return, the department re-dispatched to or the SLA milestone
 * @param dueAt the deadline it set, when it set one
 * @param internal whether it stays inside the agencies: the worker never reads it
 */
public record CaseHistoryEntry(String action, Instant at, String actor, String text, String detail, Instant dueAt,
		boolean internal) {

	public static final String OPENED = "OPENED";

	public static final String ASSIGNED = "ASSIGNED";

	public static final String SIGNED = "SIGNED";

	public static final String STARTED = "STARTED";

	public static final String NOTE = "NOTE";

	public static final String REPLY = "REPLY";

	public static final String QUESTION = "QUESTION";

	public static final String ANSWER = "ANSWER";

	public static final String EXTENSION_REQUESTED = "EXTENSION_REQUESTED";

	public static final String EXTENSION_APPROVED = "EXTENSION_APPROVED";

	public static final String EXTENSION_REJECTED = "EXTENSION_REJECTED";

	public static final String RETURNED = "RETURNED";

	public static final String RETURN_REJECTED = "RETURN_REJECTED";

	public static final String REDISPATCHED = "REDISPATCHED";

	public static final String RESOLVED = "RESOLVED";

	public static final String RATED = "RATED";

	public static final String REOPENED = "REOPENED";

	public static final String ESCALATED = "ESCALATED";

	public static final String SLA_WARNING = "SLA_WARNING";

	public static final String SLA_BREACHED = "SLA_BREACHED";

	public static final String CLOSED = "CLOSED";

	public static final String MERGED = "MERGED";

}
