package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The case is closed: after a satisfied rating, by a supervisor, or unrated after the
 * rating window.
 */
public record CaseClosed(UUID eventId, String appealId, Instant occurredAt, int schemaVersion, String correlationId,
		String caseId, String trackingCode, String department, String status, boolean resolved, String closedBy,
		String reason) implements CaseEvent {

	public static final int SCHEMA_VERSION = 1;

	/** A new event of the case the envelope names, at the current schema version. */
	public CaseClosed(CaseEnvelope envelope, boolean resolved, String closedBy, String reason) {
		this(envelope.eventId(), envelope.appealId(), envelope.occurredAt(), SCHEMA_VERSION, envelope.correlationId(),
				envelope.caseId(), envelope.trackingCode(), envelope.department(), envelope.status(), resolved,
				closedBy, reason);
	}

}
