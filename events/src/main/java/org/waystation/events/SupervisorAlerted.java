package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A supervisor must look at an appeal now: it is URGENT (danger to life or safety, a
 * group of workers unpaid or protesting). Raised by routing with the decision, whatever
 * the classifier's confidence.
 *
 * @param kind why the alert was raised: {@code URGENT_APPEAL}
 * @param department the department the appeal went to (its best guess when unsure)
 * @param alsoToTriage whether the triage desk got the appeal too because the classifier
 * was unsure
 * @param reason why, for people, in Chinese
 */
public record SupervisorAlerted(UUID eventId, String appealId, Instant occurredAt, int schemaVersion,
		String correlationId, String trackingCode, String kind, String department, String category, String priority,
		double confidence, boolean alsoToTriage, String district, String reason) implements Event {

	public static final int SCHEMA_VERSION = 1;

	public static final String URGENT_APPEAL = "URGENT_APPEAL";

}
