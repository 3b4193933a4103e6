package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/** The department signed for (签收) the case: it accepts that the case is its own. */
public record CaseSigned(UUID eventId, String appealId, Instant occurredAt, int schemaVersion, String correlationId,
		String caseId, String trackingCode, String department, String status, String signedBy) implements CaseEvent {

	public static final int SCHEMA_VERSION = 1;

}
