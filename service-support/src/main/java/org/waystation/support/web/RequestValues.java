package org.waystation.support.web;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;

import org.waystation.support.problem.ProblemException;

/** Values of query parameters as the APIs take them, refused with the field named. */
public final class RequestValues {

	private RequestValues() {
	}

	/**
	 * A point in time given as an instant ({@code 2026-11-20T00:00:00Z}) or as a duration
	 * back from now ({@code P7D}); without a value, {@code otherwise} back from now.
	 * @throws ProblemException naming the field when it is neither
	 */
	public static Instant since(String field, String value, Duration otherwise) {
		if (value == null || value.isBlank()) {
			return Instant.now().minus(otherwise);
		}
		try {
			return value.startsWith("P") ? Instant.now().minus(Duration.parse(value)) : Instant.parse(value);
		}
		catch (DateTimeException | ArithmeticException ex) {
			throw ProblemException.invalid(field,
					"must be an instant such as 2026-11-20T00:00:00Z or a duration such as P7D");
		}
	}

}
