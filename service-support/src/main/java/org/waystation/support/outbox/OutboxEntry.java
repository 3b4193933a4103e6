package org.waystation.support.outbox;

import java.time.Instant;

import org.waystation.events.DomainEvent;
import org.waystation.events.EventCodec;

/**
 * An event waiting in a document's {@code outbox} array until the relay has published it.
 *
 * @param payload the event as it goes on the wire
 * @param correlationId the correlation id the record's header carries
 */
public record OutboxEntry(String eventId, String topic, String key, String type, String payload, Instant createdAt,
		String correlationId) {

	/** The field of an outbox-carrying document that holds its pending entries. */
	public static final String FIELD = "outbox";

	public static OutboxEntry of(DomainEvent event) {
		return new OutboxEntry(event.eventId().toString(), event.topic(), event.key(), event.type(),
				EventCodec.toJson(event), event.occurredAt(), event.correlationId());
	}

}
