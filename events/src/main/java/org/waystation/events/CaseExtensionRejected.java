package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/** A supervisor rejected an extension request; the deadline stands. */
public record CaseExtensionRejected(UUID eventId, String appealId, Instant occurredAt, int schemaVersion,
		String correlationId, String caseId, String trackingCode, String department, String status, String rejectedBy,
		String reason) implements CaseEvent {

	public static final int SCHEMA_VERSION = 1;

	/** A new event of the case the envelope names, at the current schema version. */
	public CaseExtensionRejected(CaseEnvelope envelope, String rejectedBy, String reason) {
		this(envelope.eventId(), envelope.appealId(), envelope.occurredAt(), SCHEMA_VERSION, envelope.correlationId(),
				envelope.caseId(), envelope.trackingCode(), envelope.department(), envelope.status(), rejectedBy,
				reason);
	}

}
