package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/** The worker rated the outcome: SATISFIED, BASICALLY_SATISFIED or DISSATISFIED. */
public record CaseRated(UUID eventId, String appealId, Instant occurredAt, int schemaVersion, String correlationId,
		String caseId, String trackingCode, String department, String status, String rating,
		String comment) implements CaseEvent {

	public static final int SCHEMA_VERSION = 1;

	/** A new event of the case the envelope names, at the current schema version. */
	public CaseRated(CaseEnvelope envelope, String rating, String comment) {
		this(envelope.eventId(), envelope.appealId(), envelope.occurredAt(), SCHEMA_VERSION, envelope.correlationId(),
				envelope.caseId(), envelope.trackingCode(), envelope.department(), envelope.status(), rating, comment);
	}

}
