package org.waystation.routing.decision;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.waystation.events.AppealSubmitted;
import org.waystation.events.EventCodec;
import org.waystation.events.Topics;
import org.waystation.support.kafka.RecordBatches;

/**
 * Routes the appeals of each poll together, up to {@value #STORED_TOGETHER} at a time:
 * they are decided side by side and their decisions stored in one round trip.
 */
@Component
class AppealSubmittedListener {

	/**
	 * Appeals routed together at most: each decision waits for the others of its round
	 * before it is stored.
	 */
	static final int STORED_TOGETHER = 50;

	private final RoutingService routing;

	AppealSubmittedListener(RoutingService routing) {
		this.routing = routing;
	}

	@KafkaListener(id = "routing-appeals", idIsGroup = false, topics = Topics.APPEAL_SUBMITTED, batch = "true")
	void onAppealsSubmitted(List<ConsumerRecord<String, byte[]>> records) {
		RecordBatches.<AppealSubmitted>handle(records, (record,
				pending) -> EventCodec.fromBytes(record.value(), AppealSubmitted.class).ifPresent(pending::add),
				this.routing::routeAll, STORED_TOGETHER);
	}

}
