package org.waystation.notification.delivery;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class QuietHoursTest {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@ParameterizedTest(name = "{0} local → {1}")
	@CsvSource(textBlock = """
			2026-12-01T21:59:59, now
			2026-12-01T22:00:00, 2026-12-02T07:00:00
			2026-12-01T23:30:00, 2026-12-02T07:00:00
			2026-12-02T00:00:00, 2026-12-02T07:00:00
			2026-12-02T06:59:59, 2026-12-02T07:00:00
			2026-12-02T07:00:00, now
			2026-12-02T12:00:00, now
			""")
	void holdsMessagesFromTenAtNightUntilSevenInTheMorning(String local, String expected) {
		QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), SHANGHAI);
		Instant at = java.time.LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();

		assertThat(night.endOf(at).map((end) -> end.atZone(SHANGHAI).toLocalDateTime().toString()).orElse("now"))
			.isEqualTo(expected.equals("now") ? "now" : expected.substring(0, 16));
	}

	@ParameterizedTest(name = "{0} local → {1}")
	@CsvSource(textBlock = """
			2026-12-01T12:59:00, now
			2026-12-01T13:00:00, 2026-12-01T14:00
			2026-12-01T14:00:00, now
			""")
	void takesAWindowWithinOneDayToo(String local, String expected) {
		QuietHours lunch = new QuietHours(LocalTime.of(13, 0), LocalTime.of(14, 0), SHANGHAI);
		Instant at = java.time.LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();

		assertThat(lunch.endOf(at).map((end) -> end.atZone(SHANGHAI).toLocalDateTime().toString()).orElse("now"))
			.isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource("2026-12-01T23:00:00")
	void hasNoQuietHoursWhenStartAndEndAreTheSame(String local) {
		QuietHours none = new QuietHours(LocalTime.of(22, 0), LocalTime.of(22, 0), SHANGHAI);

		assertThat(none.endOf(java.time.LocalDateTime.parse(local).atZone(SHANGHAI).toInstant())).isEmpty();
	}

}
