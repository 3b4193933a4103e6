package org.waystation.routing.decision;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.waystation.events.AppealSubmitted;
import org.waystation.events.EventCodec;
import org.waystation.events.Topics;

@Component
class AppealSubmittedListener {

	private final RoutingService routing;

	AppealSubmittedListener(RoutingService routing) {
		this.routing = routing;
	}

	@KafkaListener(id = "routing-appeals", idIsGroup = false, topics = Topics.APPEAL_SUBMITTED)
	void onAppealSubmitted(ConsumerRecord<String, byte[]> record) {
		EventCodec.fromBytes(record.value(), AppealSubmitted.class).ifPresent(this.routing::route);
	}

}
