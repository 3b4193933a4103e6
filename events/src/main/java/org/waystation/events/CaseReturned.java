package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The department returned (退单) the case as not its own, with a reason; triage reviews it.
 *
 * @param basis the rule, duty list or law under which it is not the department's (12345
 * rules require one for a return)
 */
public record CaseReturned(UUID eventId, String appealId, Instant occurredAt, int schemaVersion, String correlationId,
		String caseId, String trackingCode, String department, String status, String reason, String staff,
		String basis) implements CaseEvent {

	public static final int SCHEMA_VERSION = 1;

	/** A new event of the case the envelope names, at the current schema version. */
	public CaseReturned(CaseEnvelope envelope, String reason, String staff, String basis) {
		this(envelope.eventId(), envelope.appealId(), envelope.occurredAt(), SCHEMA_VERSION, envelope.correlationId(),
				envelope.caseId(), envelope.trackingCode(), envelope.department(), envelope.status(), reason, staff,
				basis);
	}

}
