package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/** Staff replied to the worker; the worker sees the reply in the tracking view. */
public record CaseReplied(UUID eventId, String appealId, Instant occurredAt, int schemaVersion, String correlationId,
		String caseId, String trackingCode, String department, String status, String reply,
		String staff) implements CaseEvent {

	public static final int SCHEMA_VERSION = 1;

}
