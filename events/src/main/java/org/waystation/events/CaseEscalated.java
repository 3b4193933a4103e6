package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/** The case was escalated to the department's supervisor (督办). */
public record CaseEscalated(UUID eventId, String appealId, Instant occurredAt, int schemaVersion, String correlationId,
		String caseId, String trackingCode, String department, String status, String reason,
		String supervisor) implements CaseEvent {

	public static final int SCHEMA_VERSION = 1;

}
