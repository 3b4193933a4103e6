package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A supervisor approved an extension; the resolution deadline moved.
 *
 * @param reason why more time was needed, as the request gave it (the worker reads it)
 */
public record CaseExtended(UUID eventId, String appealId, Instant occurredAt, int schemaVersion, String correlationId,
		String caseId, String trackingCode, String department, String status, String approvedBy, String extension,
		Instant resolveDueAt, String reason) implements CaseEvent {

	public static final int SCHEMA_VERSION = 1;

	/** A new event of the case the envelope names, at the current schema version. */
	public CaseExtended(CaseEnvelope envelope, String approvedBy, String extension, Instant resolveDueAt,
			String reason) {
		this(envelope.eventId(), envelope.appealId(), envelope.occurredAt(), SCHEMA_VERSION, envelope.correlationId(),
				envelope.caseId(), envelope.trackingCode(), envelope.department(), envelope.status(), approvedBy,
				extension, resolveDueAt, reason);
	}

}
