package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/** The worker rated the outcome: SATISFIED, BASICALLY_SATISFIED or DISSATISFIED. */
public record CaseRated(UUID eventId, String appealId, Instant occurredAt, int schemaVersion, String correlationId,
		String caseId, String trackingCode, String department, String status, String rating,
		String comment) implements CaseEvent {

	public static final int SCHEMA_VERSION = 1;

}
