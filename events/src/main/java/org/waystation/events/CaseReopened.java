package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/** The worker was dissatisfied, so the case is handled again (重办) with a new deadline. */
public record CaseReopened(UUID eventId, String appealId, Instant occurredAt, int schemaVersion, String correlationId,
		String caseId, String trackingCode, String department, String status, int reopenCount,
		Instant resolveDueAt) implements CaseEvent {

	public static final int SCHEMA_VERSION = 1;

	/** A new event of the case the envelope names, at the current schema version. */
	public CaseReopened(CaseEnvelope envelope, int reopenCount, Instant resolveDueAt) {
		this(envelope.eventId(), envelope.appealId(), envelope.occurredAt(), SCHEMA_VERSION, envelope.correlationId(),
				envelope.caseId(), envelope.trackingCode(), envelope.department(), envelope.status(), reopenCount,
				resolveDueAt);
	}

}
