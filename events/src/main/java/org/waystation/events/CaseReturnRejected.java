package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The triage desk reviewed a return (退单) and rejected it: the case is the department's
 * after all and goes back to it in the status it had, its clocks running as before.
 *
 * @param reason why the case is the department's, for its staff
 */
public record CaseReturnRejected(UUID eventId, String appealId, Instant occurredAt, int schemaVersion,
		String correlationId, String caseId, String trackingCode, String department, String status, String rejectedBy,
		String reason) implements CaseEvent {

	public static final int SCHEMA_VERSION = 1;

	/** A new event of the case the envelope names, at the current schema version. */
	public CaseReturnRejected(CaseEnvelope envelope, String rejectedBy, String reason) {
		this(envelope.eventId(), envelope.appealId(), envelope.occurredAt(), SCHEMA_VERSION, envelope.correlationId(),
				envelope.caseId(), envelope.trackingCode(), envelope.department(), envelope.status(), rejectedBy,
				reason);
	}

}
