package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/** A supervisor rejected an extension request; the deadline stands. */
public record CaseExtensionRejected(UUID eventId, String appealId, Instant occurredAt, int schemaVersion,
		String correlationId, String caseId, String trackingCode, String department, String status, String rejectedBy,
		String reason) implements CaseEvent {

	public static final int SCHEMA_VERSION = 1;

}
