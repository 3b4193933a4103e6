package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The case was merged (并单) into another case about the same matter; that case's progress
 * is this appeal's.
 */
public record CaseMerged(UUID eventId, String appealId, Instant occurredAt, int schemaVersion, String correlationId,
		String caseId, String trackingCode, String department, String status, String intoCaseId,
		String intoTrackingCode, String staff) implements CaseEvent {

	public static final int SCHEMA_VERSION = 1;

}
