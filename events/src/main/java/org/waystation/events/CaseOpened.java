package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A case was opened in a department's queue for an appeal, as lead (主办) or assisting (协办)
 * department, with its deadlines.
 */
public record CaseOpened(UUID eventId, String appealId, Instant occurredAt, int schemaVersion, String correlationId,
		String caseId, String trackingCode, String department, String status, String category, String appealType,
		String priority, String role, String district, Instant signDueAt, Instant resolveDueAt) implements CaseEvent {

	public static final int SCHEMA_VERSION = 1;

	/** The role of the department that leads the handling (主办). */
	public static final String LEAD = "LEAD";

	/** The role of a department that assists (协办). */
	public static final String ASSIST = "ASSIST";

	/** A new event of the case the envelope names, at the current schema version. */
	public CaseOpened(CaseEnvelope envelope, String category, String appealType, String priority, String role,
			String district, Instant signDueAt, Instant resolveDueAt) {
		this(envelope.eventId(), envelope.appealId(), envelope.occurredAt(), SCHEMA_VERSION, envelope.correlationId(),
				envelope.caseId(), envelope.trackingCode(), envelope.department(), envelope.status(), category,
				appealType, priority, role, district, signDueAt, resolveDueAt);
	}

}
