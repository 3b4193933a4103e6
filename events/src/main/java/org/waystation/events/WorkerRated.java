package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/** The worker rated how their appeal was handled. */
public record WorkerRated(UUID eventId, String appealId, Instant occurredAt, int schemaVersion, String correlationId,
		String caseId, String trackingCode, String rating, String comment) implements FeedbackEvent {

	public static final int SCHEMA_VERSION = 1;

}
