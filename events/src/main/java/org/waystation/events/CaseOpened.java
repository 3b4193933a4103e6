package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/** A case was opened in a department's queue for an appeal. */
public record CaseOpened(UUID eventId, String appealId, Instant occurredAt, int schemaVersion, String correlationId,
		String caseId, String trackingCode, String department, String category, String appealType,
		String priority) implements CaseEvent {

	public static final int SCHEMA_VERSION = 1;

}
