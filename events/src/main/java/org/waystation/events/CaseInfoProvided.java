package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/** The worker answered; handling and the SLA clock resume. */
public record CaseInfoProvided(UUID eventId, String appealId, Instant occurredAt, int schemaVersion,
		String correlationId, String caseId, String trackingCode, String department, String status, String answer,
		Instant resolveDueAt) implements CaseEvent {

	public static final int SCHEMA_VERSION = 1;

}
