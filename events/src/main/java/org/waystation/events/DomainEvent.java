package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The envelope every event shares, whatever it is about: an id, when it happened, its
 * schema version, the correlation id of the request that caused it, and the Kafka record
 * key that keeps everything about one subject in order on one partition. On the wire it
 * is a flat JSON object whose {@code type} field holds the logical type name (never a
 * Java class name).
 */
public sealed interface DomainEvent permits Event, AccountEvent {

	/** Unique id of this event; consumers skip ids they have already processed. */
	UUID eventId();

	Instant occurredAt();

	int schemaVersion();

	/** Ties together everything caused by one request. */
	String correlationId();

	/** The Kafka record key: what the event is about. */
	String key();

	/** The logical type name used on the wire. */
	default String type() {
		return EventTypes.nameOf(getClass());
	}

	/** The topic this event is published to. */
	default String topic() {
		return Topics.topicFor(this);
	}

}
