package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/** The department resolved (办结) the case with a written resolution for the worker. */
public record CaseResolved(UUID eventId, String appealId, Instant occurredAt, int schemaVersion, String correlationId,
		String caseId, String trackingCode, String department, String status, String resolution, String resolvedBy,
		boolean onTime) implements CaseEvent {

	public static final int SCHEMA_VERSION = 1;

	/** A new event of the case the envelope names, at the current schema version. */
	public CaseResolved(CaseEnvelope envelope, String resolution, String resolvedBy, boolean onTime) {
		this(envelope.eventId(), envelope.appealId(), envelope.occurredAt(), SCHEMA_VERSION, envelope.correlationId(),
				envelope.caseId(), envelope.trackingCode(), envelope.department(), envelope.status(), resolution,
				resolvedBy, onTime);
	}

}
