package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/** Staff asked for more time (延期); a supervisor decides. */
public record CaseExtensionRequested(UUID eventId, String appealId, Instant occurredAt, int schemaVersion,
		String correlationId, String caseId, String trackingCode, String department, String status, String requestedBy,
		String extension, String reason) implements CaseEvent {

	public static final int SCHEMA_VERSION = 1;

}
