package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/**
 * What every case event repeats: a new event id, the appeal, when, the correlation id of
 * the request behind it, the case, its tracking code, its department and its status after
 * the event. A case fills one in for each event it raises, and each {@link CaseEvent}
 * type takes it with the fields of its own, at its current schema version.
 *
 * @param eventId a new id for the event
 * @param appealId the appeal the case handles
 * @param occurredAt when it happened
 * @param correlationId the request that caused it
 * @param caseId the case
 * @param trackingCode the appeal's tracking code
 * @param department the department whose case it is
 * @param status the case's status after the event
 */
public record CaseEnvelope(UUID eventId, String appealId, Instant occurredAt, String correlationId, String caseId,
		String trackingCode, String department, String status) {

}
