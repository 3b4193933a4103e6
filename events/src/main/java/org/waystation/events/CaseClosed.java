package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The case is closed: after a satisfied rating, by a supervisor, or unrated after the
 * rating window.
 */
public record CaseClosed(UUID eventId, String appealId, Instant occurredAt, int schemaVersion, String correlationId,
		String caseId, String trackingCode, String department, String status, boolean resolved, String closedBy,
		String reason) implements CaseEvent {

	public static final int SCHEMA_VERSION = 1;

}
