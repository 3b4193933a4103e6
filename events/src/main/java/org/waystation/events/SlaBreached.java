package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The time allowed on a clock ran out; the case is escalated to the department's
 * supervisor (督办).
 */
public record SlaBreached(UUID eventId, String appealId, Instant occurredAt, int schemaVersion, String correlationId,
		String caseId, String trackingCode, String department, String status, String clock, Instant dueAt,
		String escalatedTo) implements CaseEvent {

	public static final int SCHEMA_VERSION = 1;

}
