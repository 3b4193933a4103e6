package org.waystation.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A fact that happened to an appeal. Every event carries the same envelope fields; on the
 * wire it is a flat JSON object whose {@code type} field holds the logical type name
 * (never a Java class name).
 */
public sealed interface Event permits AppealSubmitted, AppealRouted, CaseEvent, FeedbackEvent, SupervisorAlerted {

	/** Unique id of this event; consumers skip ids they have already processed. */
	UUID eventId();

	/** The appeal this event belongs to; also the Kafka record key. */
	String appealId();

	Instant occurredAt();

	int schemaVersion();

	/** Ties together everything caused by one submission. */
	String correlationId();

	/** The logical type name used on the wire. */
	default String type() {
		return EventTypes.nameOf(getClass());
	}

	/** The topic this event is published to. */
	default String topic() {
		return Topics.topicFor(this);
	}

}
