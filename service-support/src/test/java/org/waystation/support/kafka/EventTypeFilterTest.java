package org.waystation.support.kafka;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.waystation.events.AppealRouted;
import org.waystation.events.CaseRedispatched;
import org.waystation.support.outbox.OutboxRelay;

import static org.assertj.core.api.Assertions.assertThat;

class EventTypeFilterTest {

	private final EventTypeFilter filter = EventTypeFilter.of(AppealRouted.class, CaseRedispatched.class);

	private static ConsumerRecord<String, byte[]> record(String type) {
		ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("case.events", 0, 0, "appeal-1", new byte[0]);
		if (type != null) {
			record.headers().add(OutboxRelay.TYPE_HEADER, type.getBytes(StandardCharsets.UTF_8));
		}
		return record;
	}

	@Test
	void passesOverRecordsTheTypeHeaderOfWhichNamesAnotherEvent() {
		assertThat(this.filter.mayAccept(record("CaseRedispatched"))).isTrue();
		assertThat(this.filter.mayAccept(record("AppealRouted"))).isTrue();
		assertThat(this.filter.mayAccept(record("CaseSigned"))).isFalse();
	}

	@Test
	void readsRecordsWithoutATypeHeader() {
		assertThat(this.filter.mayAccept(record(null))).isTrue();
	}

}
