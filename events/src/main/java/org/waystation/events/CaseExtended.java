package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/** A supervisor approved an extension; the resolution deadline moved. */
public record CaseExtended(UUID eventId, String appealId, Instant occurredAt, int schemaVersion, String correlationId,
		String caseId, String trackingCode, String department, String status, String approvedBy, String extension,
		Instant resolveDueAt) implements CaseEvent {

	public static final int SCHEMA_VERSION = 1;

}
