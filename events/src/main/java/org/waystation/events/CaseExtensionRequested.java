package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/** Staff asked for more time (延期); a supervisor decides. */
public record CaseExtensionRequested(UUID eventId, String appealId, Instant occurredAt, int schemaVersion,
		String correlationId, String caseId, String trackingCode, String department, String status, String requestedBy,
		String extension, String reason) implements CaseEvent {

	public static final int SCHEMA_VERSION = 1;

	/** A new event of the case the envelope names, at the current schema version. */
	public CaseExtensionRequested(CaseEnvelope envelope, String requestedBy, String extension, String reason) {
		this(envelope.eventId(), envelope.appealId(), envelope.occurredAt(), SCHEMA_VERSION, envelope.correlationId(),
				envelope.caseId(), envelope.trackingCode(), envelope.department(), envelope.status(), requestedBy,
				extension, reason);
	}

}
