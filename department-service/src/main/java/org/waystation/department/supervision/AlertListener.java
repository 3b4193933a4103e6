package org.waystation.department.supervision;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.waystation.events.EventCodec;
import org.waystation.events.SupervisorAlerted;
import org.waystation.events.Topics;

/** Records the urgent alerts routing raises, for the supervisors' worklist. */
@Component
class AlertListener {

	private final Supervision supervision;

	AlertListener(Supervision supervision) {
		this.supervision = supervision;
	}

	@KafkaListener(id = "department-alerts", idIsGroup = false, topics = Topics.SUPERVISOR_ALERTS)
	void onAlert(ConsumerRecord<String, byte[]> record) {
		EventCodec.fromBytes(record.value())
			.filter(SupervisorAlerted.class::isInstance)
			.map(SupervisorAlerted.class::cast)
			.ifPresent(this.supervision::record);
	}

}
