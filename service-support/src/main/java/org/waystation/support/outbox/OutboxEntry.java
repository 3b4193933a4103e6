package org.waystation.support.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.waystation.events.DomainEvent;
import org.waystation.events.EventCodec;
import org.waystation.support.correlation.CorrelationIds;

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

	/**
	 * Runs work (a log line about the change that queued these entries) with their
	 * correlation id in the logging context, as when the change was made.
	 */
	public static void withCorrelationOf(List<OutboxEntry> entries, Runnable work) {
		String id = entries.stream().map(OutboxEntry::correlationId).filter(Objects::nonNull).findFirst().orElse(null);
		CorrelationIds.with(id, () -> {
			work.run();
			return null;
		});
	}

}
