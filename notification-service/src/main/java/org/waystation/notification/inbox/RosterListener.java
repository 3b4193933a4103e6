package org.waystation.notification.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.waystation.events.EventCodec;
import org.waystation.events.StaffAccountChanged;
import org.waystation.events.Topics;

/** Keeps the roster of staff accounts from the identity service. */
@Component
class RosterListener {

	private final Inbox inbox;

	RosterListener(Inbox inbox) {
		this.inbox = inbox;
	}

	@KafkaListener(id = "notification-roster", idIsGroup = false, topics = Topics.IDENTITY_ACCOUNTS)
	void onStaffAccountChanged(ConsumerRecord<String, byte[]> record) {
		EventCodec.fromBytes(record.value(), StaffAccountChanged.class).ifPresent(this.inbox::apply);
	}

}
