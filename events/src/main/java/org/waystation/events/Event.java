package org.waystation.events;

/**
 * A fact that happened to an appeal. Keyed by appeal id, so that everything about one
 * appeal stays in order on one partition.
 */
public sealed interface Event extends DomainEvent
		permits AppealSubmitted, AppealRouted, CaseEvent, FeedbackEvent, SupervisorAlerted {

	/** The appeal this event belongs to; also the Kafka record key. */
	String appealId();

	@Override
	default String key() {
		return appealId();
	}

}
