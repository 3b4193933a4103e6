package org.waystation.support.outbox;

import java.time.Instant;

import org.waystation.events.Event;
import org.waystation.events.EventCodec;

/**
 * An event waiting in a document's {@code outbox} array until the relay has published it.
 *
 * @param payload the event as it goes on the wire
 */
public record OutboxEntry(String eventId, String topic, String key, String type, String payload, Instant createdAt) {

	/** The field of an outbox-carrying document that holds its pending entries. */
	public static final String FIELD = "outbox";

	public static OutboxEntry of(Event event) {
		return new OutboxEntry(event.eventId().toString(), event.topic(), event.appealId(), event.type(),
				EventCodec.toJson(event), event.occurredAt());
	}

}
