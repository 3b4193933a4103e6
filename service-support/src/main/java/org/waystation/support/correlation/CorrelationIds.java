package org.waystation.support.correlation;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import org.slf4j.MDC;

import org.waystation.api.CorrelationId;

/**
 * The correlation id ties together everything one request caused, in every service's log
 * lines: the gateway creates it when a client sends none, services take it from the
 * {@code X-Correlation-Id} header and from Kafka record headers, and put it in the
 * logging context as {@code correlationId}.
 */
public final class CorrelationIds {

	/** The HTTP header. */
	public static final String HEADER = CorrelationId.HEADER;

	/** The Kafka record header. */
	public static final String KAFKA_HEADER = "ws-correlation-id";

	/** The key in the logging context (MDC). */
	public static final String MDC_KEY = "correlationId";

	private CorrelationIds() {
	}

	/** The value if it is a usable id (1-64 letters, digits, dots, colons, hyphens). */
	public static Optional<String> valid(String value) {
		return CorrelationId.valid(value);
	}

	public static String newId() {
		return CorrelationId.newId();
	}

	/**
	 * Puts the correlation id a consumed record carries in the logging context, or takes
	 * the one of an earlier record out.
	 */
	public static void fromRecord(ConsumerRecord<?, ?> record) {
		MDC.remove(MDC_KEY);
		Header header = record.headers().lastHeader(KAFKA_HEADER);
		if (header != null && header.value() != null) {
			valid(new String(header.value(), StandardCharsets.UTF_8)).ifPresent((id) -> MDC.put(MDC_KEY, id));
		}
	}

	/**
	 * Does work with this correlation id in the logging context, when it is a usable one,
	 * and puts back what was there before.
	 */
	public static <T> T with(String id, Supplier<T> work) {
		Optional<String> valid = valid(id);
		if (valid.isEmpty()) {
			return work.get();
		}
		String before = MDC.get(MDC_KEY);
		MDC.put(MDC_KEY, valid.get());
		try {
			return work.get();
		}
		finally {
			if (before != null) {
				MDC.put(MDC_KEY, before);
			}
			else {
				MDC.remove(MDC_KEY);
			}
		}
	}

	/** The correlation id of the work in progress on this thread, if any. */
	public static Optional<String> current() {
		return Optional.ofNullable(MDC.get(MDC_KEY));
	}

}
