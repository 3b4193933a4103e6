package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A worker's appeal was accepted and stored. Carries the phone number because the
 * notification service must reach the worker; it is never logged unmasked.
 *
 * @param workerId the worker's pseudonymous id: a keyed hash of the phone number, the
 * same as the subject of the worker's sign-in tokens
 * @param replyTo where the worker is answered on their channel when that is not the
 * phone: the user id the instant-messaging service gave them; null otherwise
 */
public record AppealSubmitted(UUID eventId, String appealId, Instant occurredAt, int schemaVersion,
		String correlationId, String trackingCode, Channel channel, String text, String phone, String district,
		String stationId, String workerId, String replyTo) implements Event {

	public static final int SCHEMA_VERSION = 1;

	/** An appeal answered at the phone. */
	public AppealSubmitted(UUID eventId, String appealId, Instant occurredAt, int schemaVersion, String correlationId,
			String trackingCode, Channel channel, String text, String phone, String district, String stationId,
			String workerId) {
		this(eventId, appealId, occurredAt, schemaVersion, correlationId, trackingCode, channel, text, phone, district,
				stationId, workerId, null);
	}

}
