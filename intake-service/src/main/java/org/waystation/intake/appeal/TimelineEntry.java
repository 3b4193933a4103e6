package org.waystation.intake.appeal;

import java.time.Instant;

/**
 * One step in an appeal's history, recorded once per event.
 *
 * @param eventId the event that caused it; the same event never adds a second entry
 * @param note what the worker should read with it, such as the resolution, or the reason
 * of an extension
 * @param dueAt the new deadline the step set (an extension, an answer that resumed the
 * clock, a reopening), or {@code null}
 */
public record TimelineEntry(String eventId, String eventType, AppealStatus status, Instant at, String department,
		String note, Instant dueAt) {

}
