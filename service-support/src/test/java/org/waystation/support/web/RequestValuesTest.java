package org.waystation.support.web;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.waystation.support.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestValuesTest {

	@ParameterizedTest
	@ValueSource(strings = { "-999999999-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z", "1999-12-31T23:59:59Z",
			"9999-01-01T00:00:00Z", "P99999999999D", "P-1D", "PT-1H", "xyz", "2026-13-01T00:00:00Z" })
	void refusesInstantsAndDurationsOutOfRangeNamingTheField(String value) {
		assertThatThrownBy(() -> RequestValues.since("since", value, Duration.ofDays(7)))
			.isInstanceOf(ProblemException.class)
			.satisfies((ex) -> assertThat(((ProblemException) ex).errors().get(0).field()).isEqualTo("since"));
	}

	@Test
	void takesAnInstantOrADurationBack() {
		assertThat(RequestValues.since("since", "2026-11-20T00:00:00Z", Duration.ofDays(7)))
			.isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
		assertThat(RequestValues.since("since", "P1D", Duration.ofDays(7))).isBetween(
				Instant.now().minus(Duration.ofDays(1)).minusSeconds(5), Instant.now().minus(Duration.ofDays(1)));
		assertThat(RequestValues.instant("dueBefore", null)).isNull();
		assertThatThrownBy(() -> RequestValues.instant("dueBefore", "-999999999-01-01T00:00:00Z"))
			.hasMessageContaining("dueBefore");
	}

}
