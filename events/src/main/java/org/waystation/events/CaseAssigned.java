package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The case was given to a member of staff: claimed, assigned by a supervisor, or assigned
 * round-robin.
 */
public record CaseAssigned(UUID eventId, String appealId, Instant occurredAt, int schemaVersion, String correlationId,
		String caseId, String trackingCode, String department, String status, String assignee, String assignedBy,
		String mode) implements CaseEvent {

	public static final int SCHEMA_VERSION = 1;

	/** A new event of the case the envelope names, at the current schema version. */
	public CaseAssigned(CaseEnvelope envelope, String assignee, String assignedBy, String mode) {
		this(envelope.eventId(), envelope.appealId(), envelope.occurredAt(), SCHEMA_VERSION, envelope.correlationId(),
				envelope.caseId(), envelope.trackingCode(), envelope.department(), envelope.status(), assignee,
				assignedBy, mode);
	}

}
