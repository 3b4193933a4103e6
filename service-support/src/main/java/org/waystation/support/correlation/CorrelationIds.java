package org.waystation.support.correlation;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.MDC;

/**
 * The correlation id ties together everything one request caused, in every service's log
 * lines: the gateway creates it when a client sends none, services take it from the
 * {@code X-Correlation-Id} header and from Kafka record headers, and put it in the
 * logging context as {@code correlationId}.
 */
public final class CorrelationIds {

	/** The HTTP header. */
	public static final String HEADER = "X-Correlation-Id";

	/** The Kafka record header. */
	public static final String KAFKA_HEADER = "ws-correlation-id";

	/** The key in the logging context (MDC). */
	public static final String MDC_KEY = "correlationId";

	private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	private CorrelationIds() {
	}

	/** The value if it is a usable id (1-64 letters, digits, dots, colons, hyphens). */
	public static Optional<String> valid(String value) {
		return (value != null && VALID.matcher(value).matches()) ? Optional.of(value) : Optional.empty();
	}

	public static String newId() {
		return UUID.randomUUID().toString();
	}

	/** The correlation id of the work in progress on this thread, if any. */
	public static Optional<String> current() {
		return Optional.ofNullable(MDC.get(MDC_KEY));
	}

}
