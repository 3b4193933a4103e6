package org.waystation.intake.appeal;

import java.time.Instant;

/**
 * One step in an appeal's history, recorded once per event.
 *
 * @param eventId the event that caused it; the same event never adds a second entry
 * @param note what the worker should read with it, such as the resolution
 */
public record TimelineEntry(String eventId, String eventType, AppealStatus status, Instant at, String department,
		String note) {

}
