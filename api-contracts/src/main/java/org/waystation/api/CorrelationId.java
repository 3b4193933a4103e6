package org.waystation.api;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The correlation id that ties together everything one request caused: the gateway keeps
 * a client's usable id or makes a new one, and every service takes it from the same
 * header.
 */
public final class CorrelationId {

	/** The HTTP header. */
	public static final String HEADER = "X-Correlation-Id";

	private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	private CorrelationId() {
	}

	/** The value if it is a usable id (1-64 letters, digits, dots, colons, hyphens). */
	public static Optional<String> valid(String value) {
		return (value != null && VALID.matcher(value).matches()) ? Optional.of(value) : Optional.empty();
	}

	public static String newId() {
		return UUID.randomUUID().toString();
	}

}
