package org.waystation.intake.tracking;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.waystation.events.EventCodec;
import org.waystation.events.Topics;

@Component
class TrackingListener {

	private final TrackingRecorder recorder;

	TrackingListener(TrackingRecorder recorder) {
		this.recorder = recorder;
	}

	@KafkaListener(id = "intake-tracking", idIsGroup = false, topics = { Topics.APPEAL_ROUTED, Topics.CASE_EVENTS })
	void onRoutingAndCaseEvents(ConsumerRecord<String, byte[]> record) {
		EventCodec.fromBytes(record.value()).ifPresent(this.recorder::record);
	}

}
