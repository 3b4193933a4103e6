package org.waystation.notification.notice;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.waystation.events.EventCodec;
import org.waystation.events.Topics;

@Component
class CaseEventsListener {

	private final NotificationService notifications;

	CaseEventsListener(NotificationService notifications) {
		this.notifications = notifications;
	}

	@KafkaListener(id = "notification-events", idIsGroup = false,
			topics = { Topics.APPEAL_SUBMITTED, Topics.CASE_EVENTS, Topics.SUPERVISOR_ALERTS })
	void onAppealAndCaseEvents(ConsumerRecord<String, byte[]> record) {
		EventCodec.fromBytes(record.value()).ifPresent(this.notifications::handle);
	}

}
