package org.waystation.support.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.waystation.events.DomainEvent;
import org.waystation.events.EventTypes;
import org.waystation.support.outbox.OutboxRelay;

/**
 * The events a listener acts on, by their logical type names: a record whose type header
 * ({@value OutboxRelay#TYPE_HEADER}, written by the outbox relay) names another type is
 * passed over without parsing its body. A record without the header (written by a tool)
 * is read.
 */
public final class EventTypeFilter {

	private final Set<String> names;

	private EventTypeFilter(Set<String> names) {
		this.names = names;
	}

	@SafeVarargs
	public static EventTypeFilter of(Class<? extends DomainEvent>... types) {
		return new EventTypeFilter(
				Arrays.stream(types).map(EventTypes::nameOf).collect(Collectors.toUnmodifiableSet()));
	}

	/** Whether the record may be one of the events. */
	public boolean mayAccept(ConsumerRecord<?, ?> record) {
		Header type = record.headers().lastHeader(OutboxRelay.TYPE_HEADER);
		return type == null || this.names.contains(new String(type.value(), StandardCharsets.UTF_8));
	}

}
