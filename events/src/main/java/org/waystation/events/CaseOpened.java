package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A case was opened in a department's queue for an appeal, as lead (主办) or assisting (协办)
 * department, with its deadlines.
 */
public record CaseOpened(UUID eventId, String appealId, Instant occurredAt, int schemaVersion, String correlationId,
		String caseId, String trackingCode, String department, String status, String category, String appealType,
		String priority, String role, String district, Instant signDueAt, Instant resolveDueAt) implements CaseEvent {

	public static final int SCHEMA_VERSION = 1;

}
