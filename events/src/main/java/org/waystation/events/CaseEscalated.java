package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/** The case was escalated to the department's supervisor (督办). */
public record CaseEscalated(UUID eventId, String appealId, Instant occurredAt, int schemaVersion, String correlationId,
		String caseId, String trackingCode, String department, String status, String reason,
		String supervisor) implements CaseEvent {

	public static final int SCHEMA_VERSION = 1;

	/** A new event of the case the envelope names, at the current schema version. */
	public CaseEscalated(CaseEnvelope envelope, String reason, String supervisor) {
		this(envelope.eventId(), envelope.appealId(), envelope.occurredAt(), SCHEMA_VERSION, envelope.correlationId(),
				envelope.caseId(), envelope.trackingCode(), envelope.department(), envelope.status(), reason,
				supervisor);
	}

}
