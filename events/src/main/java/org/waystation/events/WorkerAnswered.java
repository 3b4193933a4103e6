package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/** The worker answered a question from the department handling their appeal. */
public record WorkerAnswered(UUID eventId, String appealId, Instant occurredAt, int schemaVersion, String correlationId,
		String caseId, String trackingCode, String answer) implements FeedbackEvent {

	public static final int SCHEMA_VERSION = 1;

}
