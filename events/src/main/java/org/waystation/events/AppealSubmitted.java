package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A worker's appeal was accepted and stored. Carries the phone number because the
 * notification service must reach the worker; it is never logged unmasked.
 *
 * @param workerId the worker's pseudonymous id: a keyed hash of the phone number, the
 * same as the subject of the worker's sign-in tokens
 */
public record AppealSubmitted(UUID eventId, String appealId, Instant occurredAt, int schemaVersion,
		String correlationId, String trackingCode, Channel channel, String text, String phone, String district,
		String stationId, String workerId) implements Event {

	public static final int SCHEMA_VERSION = 1;

}
