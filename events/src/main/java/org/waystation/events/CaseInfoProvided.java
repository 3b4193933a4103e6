package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/** The worker answered; handling and the SLA clock resume. */
public record CaseInfoProvided(UUID eventId, String appealId, Instant occurredAt, int schemaVersion,
		String correlationId, String caseId, String trackingCode, String department, String status, String answer,
		Instant resolveDueAt) implements CaseEvent {

	public static final int SCHEMA_VERSION = 1;

	/** A new event of the case the envelope names, at the current schema version. */
	public CaseInfoProvided(CaseEnvelope envelope, String answer, Instant resolveDueAt) {
		this(envelope.eventId(), envelope.appealId(), envelope.occurredAt(), SCHEMA_VERSION, envelope.correlationId(),
				envelope.caseId(), envelope.trackingCode(), envelope.department(), envelope.status(), answer,
				resolveDueAt);
	}

}
