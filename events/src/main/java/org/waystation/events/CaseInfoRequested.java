package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Staff asked the worker for information; the SLA clock pauses until the worker answers.
 */
public record CaseInfoRequested(UUID eventId, String appealId, Instant occurredAt, int schemaVersion,
		String correlationId, String caseId, String trackingCode, String department, String status, String question,
		String staff) implements CaseEvent {

	public static final int SCHEMA_VERSION = 1;

}
