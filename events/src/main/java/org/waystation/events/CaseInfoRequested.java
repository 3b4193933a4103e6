package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Staff asked the worker for information; the SLA clock pauses until the worker answers.
 */
public record CaseInfoRequested(UUID eventId, String appealId, Instant occurredAt, int schemaVersion,
		String correlationId, String caseId, String trackingCode, String department, String status, String question,
		String staff) implements CaseEvent {

	public static final int SCHEMA_VERSION = 1;

	/** A new event of the case the envelope names, at the current schema version. */
	public CaseInfoRequested(CaseEnvelope envelope, String question, String staff) {
		this(envelope.eventId(), envelope.appealId(), envelope.occurredAt(), SCHEMA_VERSION, envelope.correlationId(),
				envelope.caseId(), envelope.trackingCode(), envelope.department(), envelope.status(), question, staff);
	}

}
