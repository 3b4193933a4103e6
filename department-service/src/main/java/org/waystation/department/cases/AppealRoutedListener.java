package org.waystation.department.cases;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.waystation.events.AppealRouted;
import org.waystation.events.EventCodec;
import org.waystation.events.Topics;

@Component
class AppealRoutedListener {

	private final CaseService cases;

	AppealRoutedListener(CaseService cases) {
		this.cases = cases;
	}

	@KafkaListener(id = "department-cases", idIsGroup = false, topics = Topics.APPEAL_ROUTED)
	void onAppealRouted(ConsumerRecord<String, byte[]> record) {
		EventCodec.fromBytes(record.value(), AppealRouted.class).ifPresent(this.cases::open);
	}

}
