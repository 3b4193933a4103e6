package org.waystation.support.web;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;

import org.waystation.support.problem.ProblemException;

/** Values of query parameters as the APIs take them, refused with the field named. */
public final class RequestValues {

	/** The earliest instant any API takes: nothing in Waystation is older. */
	public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

	/** How far into the future an instant may lie. */
	private static final Duration FURTHEST = Duration.ofDays(3660);

	private RequestValues() {
	}

	/**
	 * A point in time given as an instant ({@code 2026-11-20T00:00:00Z}) or as a duration
	 * back from now ({@code P7D}); without a value, {@code otherwise} back from now.
	 * @throws ProblemException naming the field when it is neither, or lies before 2000
	 * or more than ten years ahead
	 */
	public static Instant since(String field, String value, Duration otherwise) {
		if (value == null || value.isBlank()) {
			return Instant.now().minus(otherwise);
		}
		Instant since;
		try {
			if (value.startsWith("P")) {
				Duration back = Duration.parse(value);
				if (back.isNegative()) {
					throw ProblemException.invalid(field, "must be a duration back from now, not a negative one");
				}
				since = Instant.now().minus(back);
			}
			else {
				since = Instant.parse(value);
			}
		}
		catch (DateTimeException | ArithmeticException ex) {
			throw ProblemException.invalid(field,
					"must be an instant such as 2026-11-20T00:00:00Z or a duration such as P7D");
		}
		return inRange(field, since);
	}

	/**
	 * An instant ({@code 2026-12-01T00:00:00Z}), or null without a value.
	 * @throws ProblemException naming the field when it is not one, or lies before 2000
	 * or more than ten years ahead
	 */
	public static Instant instant(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return inRange(field, Instant.parse(value));
		}
		catch (DateTimeException ex) {
			throw ProblemException.invalid(field, "must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
		}
	}

	private static Instant inRange(String field, Instant instant) {
		if (instant.isBefore(EARLIEST) || instant.isAfter(Instant.now().plus(FURTHEST))) {
			throw ProblemException.invalid(field, "must lie between 2000-01-01 and ten years from now");
		}
		return instant;
	}

}
