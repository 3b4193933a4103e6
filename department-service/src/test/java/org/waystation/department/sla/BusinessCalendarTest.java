package org.waystation.department.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusinessCalendarTest {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	/**
	 * The shipped calendar: 09:00–12:00 and 13:30–17:30 with the 2026 public holidays.
	 */
	private final BusinessCalendar calendar = CalendarDocument.standard().toCalendar();

	private static Instant at(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
	}

	@ParameterizedTest(name = "{0} + {1} = {2}")
	@CsvSource(textBlock = """
			2026-03-04T10:00, PT1H,   2026-03-04T11:00
			2026-03-04T11:30, PT1H,   2026-03-04T14:00
			2026-03-04T12:30, PT1H,   2026-03-04T14:30
			2026-03-04T08:00, PT3H,   2026-03-04T12:00
			2026-03-04T08:00, PT7H,   2026-03-04T17:30
			2026-03-04T20:00, PT4H,   2026-03-05T14:30
			2026-03-06T17:00, PT1H,   2026-03-09T09:30
			2026-03-07T10:00, PT7H,   2026-03-09T17:30
			2026-03-02T09:00, PT70H,  2026-03-13T17:30
			2026-03-04T10:00, PT0S,   2026-03-04T10:00
			2026-03-07T10:00, PT0S,   2026-03-09T09:00
			""")
	void addsWorkingTimeAcrossBreaksNightsAndWeekends(String start, Duration amount, String deadline) {
		assertThat(this.calendar.plus(at(start), amount)).isEqualTo(at(deadline));
	}

	@Test
	void countsTheSpringFestivalMakeUpSaturdayAsAWorkingDay() {
		// Friday 13 February 2026, 16:00; Saturday 14 February is a make-up working day.
		assertThat(this.calendar.plus(at("2026-02-13T16:00"), Duration.ofHours(7))).isEqualTo(at("2026-02-14T16:00"));
	}

	@Test
	void skipsTheWholeSpringFestivalHoliday() {
		// After hours on the make-up Saturday: 15–23 February are holidays, work resumes
		// on the 24th.
		assertThat(this.calendar.plus(at("2026-02-14T17:45"), Duration.ofHours(7))).isEqualTo(at("2026-02-24T17:30"));
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 2, 28))).isTrue();
	}

	@Test
	void skipsNationalDayAndWorksItsMakeUpDays() {
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 10, 5))).isFalse();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
		// Wednesday 30 September 17:00 + 1 h: half an hour that day, the rest on Thursday
		// 8 October.
		assertThat(this.calendar.plus(at("2026-09-30T17:00"), Duration.ofHours(1))).isEqualTo(at("2026-10-08T09:30"));
	}

	@Test
	void measuresWorkingTimeBetweenTwoInstantsAndBackwards() {
		Instant friday = at("2026-03-06T16:00");
		Instant monday = at("2026-03-09T10:00");

		assertThat(this.calendar.between(friday, monday)).isEqualTo(Duration.ofMinutes(150));
		assertThat(this.calendar.between(monday, friday)).isEqualTo(Duration.ofMinutes(-150));
		assertThat(this.calendar.minus(monday, Duration.ofMinutes(150))).isEqualTo(friday);
		assertThat(this.calendar.minus(at("2026-03-04T14:00"), Duration.ofHours(1))).isEqualTo(at("2026-03-04T11:30"));
	}

	@Test
	void addingThenMeasuringGivesTheSameWorkingTime() {
		Instant start = at("2026-04-30T15:10");
		for (Duration amount : List.of(Duration.ofMinutes(1), Duration.ofHours(4), Duration.ofHours(14),
				Duration.ofHours(105))) {
			Instant deadline = this.calendar.plus(start, amount);
			assertThat(this.calendar.between(start, deadline)).as(amount.toString()).isEqualTo(amount);
			assertThat(this.calendar.minus(deadline, amount)).as(amount.toString()).isEqualTo(start);
		}
	}

	@Test
	void knowsAWorkingDayIsSevenHours() {
		assertThat(this.calendar.workingDay()).isEqualTo(Duration.ofHours(7));
	}

	@Test
	void refusesCalendarsThatCannotBeRight() {
		assertThatThrownBy(() -> new BusinessCalendar(SHANGHAI,
				List.of(new BusinessCalendar.Period(LocalTime.of(9, 0), LocalTime.of(12, 0)),
						new BusinessCalendar.Period(LocalTime.of(11, 0), LocalTime.of(17, 0))),
				Set.of(), Set.of()))
			.hasMessageContaining("overlap");
		assertThatThrownBy(() -> new BusinessCalendar.Period(LocalTime.of(12, 0), LocalTime.of(9, 0)))
			.hasMessageContaining("end after");
		assertThatThrownBy(() -> new BusinessCalendar(SHANGHAI, List.of(), Set.of(), Set.of()))
			.hasMessageContaining("at least one");
	}

	@Test
	void countsAroundTheClockTimePlainly() {
		Instant start = at("2026-02-15T23:50");

		assertThat(SlaTime.AROUND_THE_CLOCK.plus(start, Duration.ofMinutes(30))).isEqualTo(at("2026-02-16T00:20"));
		assertThat(SlaTime.AROUND_THE_CLOCK.between(start, at("2026-02-16T00:20"))).isEqualTo(Duration.ofMinutes(30));
	}

}
