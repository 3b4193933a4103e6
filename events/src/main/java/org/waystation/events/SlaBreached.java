package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The time allowed on a clock ran out; the case is escalated to the department's
 * supervisor (督办).
 */
public record SlaBreached(UUID eventId, String appealId, Instant occurredAt, int schemaVersion, String correlationId,
		String caseId, String trackingCode, String department, String status, String clock, Instant dueAt,
		String escalatedTo) implements CaseEvent {

	public static final int SCHEMA_VERSION = 1;

	/** A new event of the case the envelope names, at the current schema version. */
	public SlaBreached(CaseEnvelope envelope, String clock, Instant dueAt, String escalatedTo) {
		this(envelope.eventId(), envelope.appealId(), envelope.occurredAt(), SCHEMA_VERSION, envelope.correlationId(),
				envelope.caseId(), envelope.trackingCode(), envelope.department(), envelope.status(), clock, dueAt,
				escalatedTo);
	}

}
