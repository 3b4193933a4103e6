package org.waystation.department.staff;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.waystation.events.EventCodec;
import org.waystation.events.StaffAccountChanged;
import org.waystation.events.Topics;

/** Keeps the roster from the identity service's staff accounts. */
@Component
class RosterListener {

	private final StaffDirectory staff;

	RosterListener(StaffDirectory staff) {
		this.staff = staff;
	}

	@KafkaListener(id = "department-roster", idIsGroup = false, topics = Topics.IDENTITY_ACCOUNTS)
	void onStaffAccountChanged(ConsumerRecord<String, byte[]> record) {
		EventCodec.fromBytes(record.value(), StaffAccountChanged.class).ifPresent(this.staff::apply);
	}

}
