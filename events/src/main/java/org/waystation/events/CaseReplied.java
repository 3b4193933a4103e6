package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/** Staff replied to the worker; the worker sees the reply in the tracking view. */
public record CaseReplied(UUID eventId, String appealId, Instant occurredAt, int schemaVersion, String correlationId,
		String caseId, String trackingCode, String department, String status, String reply,
		String staff) implements CaseEvent {

	public static final int SCHEMA_VERSION = 1;

	/** A new event of the case the envelope names, at the current schema version. */
	public CaseReplied(CaseEnvelope envelope, String reply, String staff) {
		this(envelope.eventId(), envelope.appealId(), envelope.occurredAt(), SCHEMA_VERSION, envelope.correlationId(),
				envelope.caseId(), envelope.trackingCode(), envelope.department(), envelope.status(), reply, staff);
	}

}
