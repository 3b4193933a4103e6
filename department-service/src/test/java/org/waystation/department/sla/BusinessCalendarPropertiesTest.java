package org.waystation.department.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the working-time calendar over generated starts (any minute of 2026, at
 * night, on weekends and holidays too) and amounts (up to 30 working days): each
 * repetition draws from its own fixed seed, so a failure names the seed that shows it.
 */
class BusinessCalendarPropertiesTest {

	private static final Instant YEAR_START = Instant.parse("2025-12-31T16:00:00Z");

	private final BusinessCalendar calendar = CalendarDocument.standard().toCalendar();

	@RepeatedTest(400)
	void addingWorkingTimeIsMeasuredBackExactlyAndAddsUp(RepetitionInfo repetition) {
		Random random = new Random(0x5EEDL + repetition.getCurrentRepetition());
		Instant start = YEAR_START.plus(Duration.ofMinutes(random.nextInt(365 * 24 * 60)));
		Duration a = Duration.ofMinutes(random.nextInt(7 * 60 * 30));
		Duration b = Duration.ofMinutes(random.nextInt(7 * 60 * 5));
		String seed = "seed " + (0x5EEDL + repetition.getCurrentRepetition()) + ": " + start + " + " + a + " + " + b;

		Instant due = this.calendar.plus(start, a);

		assertThat(due).as(seed).isAfterOrEqualTo(start);
		assertThat(this.calendar.between(start, due)).as(seed).isEqualTo(a);
		assertThat(this.calendar.plus(due, b)).as(seed).isEqualTo(this.calendar.plus(start, a.plus(b)));
		assertThat(this.calendar.between(due, start)).as(seed).isEqualTo(a.negated());
		if (!a.isZero()) {
			// A deadline falls within working time, so counting back from it lands on the
			// first working moment at or after the start.
			assertThat(this.calendar.minus(due, a)).as(seed).isEqualTo(this.calendar.plus(start, Duration.ZERO));
		}
	}

	@RepeatedTest(200)
	void moreWorkingTimeNeverGivesAnEarlierDeadline(RepetitionInfo repetition) {
		Random random = new Random(0xCA1EL + repetition.getCurrentRepetition());
		Instant start = YEAR_START.plus(Duration.ofMinutes(random.nextInt(365 * 24 * 60)));
		Duration shorter = Duration.ofMinutes(random.nextInt(7 * 60 * 10));
		Duration longer = shorter.plusMinutes(1 + random.nextInt(7 * 60 * 10));

		assertThat(this.calendar.plus(start, longer)).isAfter(this.calendar.plus(start, shorter));
	}

}
