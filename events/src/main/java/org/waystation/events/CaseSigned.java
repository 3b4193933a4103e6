package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/** The department signed for (签收) the case: it accepts that the case is its own. */
public record CaseSigned(UUID eventId, String appealId, Instant occurredAt, int schemaVersion, String correlationId,
		String caseId, String trackingCode, String department, String status, String signedBy) implements CaseEvent {

	public static final int SCHEMA_VERSION = 1;

	/** A new event of the case the envelope names, at the current schema version. */
	public CaseSigned(CaseEnvelope envelope, String signedBy) {
		this(envelope.eventId(), envelope.appealId(), envelope.occurredAt(), SCHEMA_VERSION, envelope.correlationId(),
				envelope.caseId(), envelope.trackingCode(), envelope.department(), envelope.status(), signedBy);
	}

}
