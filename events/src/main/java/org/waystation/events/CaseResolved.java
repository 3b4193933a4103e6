package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/** The department resolved (办结) the case with a written resolution for the worker. */
public record CaseResolved(UUID eventId, String appealId, Instant occurredAt, int schemaVersion, String correlationId,
		String caseId, String trackingCode, String department, String status, String resolution, String resolvedBy,
		boolean onTime) implements CaseEvent {

	public static final int SCHEMA_VERSION = 1;

}
