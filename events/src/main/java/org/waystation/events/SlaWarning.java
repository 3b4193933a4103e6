package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Part of the time allowed has passed (50 % or 80 %) on the sign-for or resolve clock.
 */
public record SlaWarning(UUID eventId, String appealId, Instant occurredAt, int schemaVersion, String correlationId,
		String caseId, String trackingCode, String department, String status, String clock, int threshold,
		Instant dueAt) implements CaseEvent {

	public static final int SCHEMA_VERSION = 1;

	/** A new event of the case the envelope names, at the current schema version. */
	public SlaWarning(CaseEnvelope envelope, String clock, int threshold, Instant dueAt) {
		this(envelope.eventId(), envelope.appealId(), envelope.occurredAt(), SCHEMA_VERSION, envelope.correlationId(),
				envelope.caseId(), envelope.trackingCode(), envelope.department(), envelope.status(), clock, threshold,
				dueAt);
	}

}
