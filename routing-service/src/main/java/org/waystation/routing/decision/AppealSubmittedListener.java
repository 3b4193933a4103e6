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
 * Routes the appeals of each poll together: each is decided in its turn, and their
 * decisions are stored a round trip for up to {@value #STORED_TOGETHER} of them.
 */
@Component
class AppealSubmittedListener {

	/**
	 * Decisions stored in one round trip at most: each decision waits for those after it
	 * in its round, a few milliseconds each.
	 */
	static final int STORED_TOGETHER = 50;

	private final RoutingService routing;

	AppealSubmittedListener(RoutingService routing) {
		this.routing = routing;
	}

	@KafkaListener(id = "routing-appeals", idIsGroup = false, topics = Topics.APPEAL_SUBMITTED, batch = "true")
	void onAppealsSubmitted(List<ConsumerRecord<String, byte[]>> records) {
		RecordBatches.<RoutingService.Pending>handle(records,
				(record, pending) -> EventCodec.fromBytes(record.value(), AppealSubmitted.class)
					.map(this.routing::decide)
					.ifPresent(pending::add),
				this.routing::store, STORED_TOGETHER);
	}

}
