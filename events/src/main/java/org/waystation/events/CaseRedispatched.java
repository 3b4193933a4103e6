package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Triage re-dispatched (改派) the case; a new case opens in the new department.
 *
 * @param category the category triage chose for the new case, or {@code null} to keep the
 * case's category
 */
public record CaseRedispatched(UUID eventId, String appealId, Instant occurredAt, int schemaVersion,
		String correlationId, String caseId, String trackingCode, String department, String status, String toDepartment,
		String newCaseId, String staff, String note, String category) implements CaseEvent {

	public static final int SCHEMA_VERSION = 1;

	/** A new event of the case the envelope names, at the current schema version. */
	public CaseRedispatched(CaseEnvelope envelope, String toDepartment, String newCaseId, String staff, String note,
			String category) {
		this(envelope.eventId(), envelope.appealId(), envelope.occurredAt(), SCHEMA_VERSION, envelope.correlationId(),
				envelope.caseId(), envelope.trackingCode(), envelope.department(), envelope.status(), toDepartment,
				newCaseId, staff, note, category);
	}

}
