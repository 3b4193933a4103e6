package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Triage re-dispatched (改派) the case; a new case opens in the new department.
 *
 * @param category the category triage chose for the new case, or {@code null} to keep the
 * case's category
 */
public record CaseRedispatched(UUID eventId, String appealId, Instant occurredAt, int schemaVersion,
		String correlationId, String caseId, String trackingCode, String department, String status, String toDepartment,
		String newCaseId, String staff, String note, String category) implements CaseEvent {

	public static final int SCHEMA_VERSION = 1;

}
