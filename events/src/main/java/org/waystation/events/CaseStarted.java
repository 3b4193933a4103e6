package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/** Staff started handling (办理) the case. */
public record CaseStarted(UUID eventId, String appealId, Instant occurredAt, int schemaVersion, String correlationId,
		String caseId, String trackingCode, String department, String status, String staff) implements CaseEvent {

	public static final int SCHEMA_VERSION = 1;

}
