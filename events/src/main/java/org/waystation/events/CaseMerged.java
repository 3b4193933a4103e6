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

	/** A new event of the case the envelope names, at the current schema version. */
	public CaseMerged(CaseEnvelope envelope, String intoCaseId, String intoTrackingCode, String staff) {
		this(envelope.eventId(), envelope.appealId(), envelope.occurredAt(), SCHEMA_VERSION, envelope.correlationId(),
				envelope.caseId(), envelope.trackingCode(), envelope.department(), envelope.status(), intoCaseId,
				intoTrackingCode, staff);
	}

}
