package org.waystation.department.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Working time: working periods on working days in one time zone. A working day is a
 * weekday that is not a public holiday, or a weekend day declared a make-up working day
 * (调休).
 *
 * @param periods the working periods of a working day, such as 09:00–12:00 and
 * 13:30–17:30
 * @param holidays public holidays (days off, weekdays or not)
 * @param workdays make-up working days: weekend days that are working days
 */
public record BusinessCalendar(ZoneId zone, List<Period> periods, Set<LocalDate> holidays,
		Set<LocalDate> workdays) implements SlaTime {

	/**
	 * The furthest a deadline is looked for, so that a calendar without working days
	 * fails.
	 */
	private static final int MAX_DAYS = 3 * 366;

	public BusinessCalendar {
		if (periods.isEmpty()) {
			throw new IllegalArgumentException("A calendar needs at least one working period");
		}
		periods = periods.stream().sorted(Comparator.comparing(Period::start)).toList();
		for (int i = 1; i < periods.size(); i++) {
			if (periods.get(i).start().isBefore(periods.get(i - 1).end())) {
				throw new IllegalArgumentException(
						"Working periods overlap: " + periods.get(i - 1) + " and " + periods.get(i));
			}
		}
		holidays = Set.copyOf(holidays);
		workdays = Set.copyOf(workdays);
	}

	public boolean isWorkingDay(LocalDate date) {
		if (this.workdays.contains(date)) {
			return true;
		}
		if (this.holidays.contains(date)) {
			return false;
		}
		return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

	/** The working time of one full working day (7 h for 09:00–12:00 and 13:30–17:30). */
	public Duration workingDay() {
		return this.periods.stream().map(Period::length).reduce(Duration.ZERO, Duration::plus);
	}

	@Override
	public Instant plus(Instant start, Duration amount) {
		if (amount.isNegative()) {
			return minus(start, amount.negated());
		}
		ZonedDateTime from = start.atZone(this.zone);
		Duration remaining = amount;
		LocalDate date = from.toLocalDate();
		for (int day = 0; day < MAX_DAYS; day++, date = date.plusDays(1)) {
			if (!isWorkingDay(date)) {
				continue;
			}
			for (Period period : this.periods) {
				ZonedDateTime periodStart = latest(date.atTime(period.start()).atZone(this.zone), from);
				ZonedDateTime periodEnd = date.atTime(period.end()).atZone(this.zone);
				if (!periodEnd.isAfter(periodStart)) {
					continue;
				}
				Duration available = Duration.between(periodStart, periodEnd);
				if (remaining.compareTo(available) <= 0) {
					return periodStart.plus(remaining).toInstant();
				}
				remaining = remaining.minus(available);
			}
		}
		throw new IllegalStateException("No working time within " + MAX_DAYS + " days of " + start);
	}

	@Override
	public Instant minus(Instant end, Duration amount) {
		if (amount.isNegative()) {
			return plus(end, amount.negated());
		}
		ZonedDateTime to = end.atZone(this.zone);
		Duration remaining = amount;
		LocalDate date = to.toLocalDate();
		for (int day = 0; day < MAX_DAYS; day++, date = date.minusDays(1)) {
			if (!isWorkingDay(date)) {
				continue;
			}
			for (int i = this.periods.size() - 1; i >= 0; i--) {
				Period period = this.periods.get(i);
				ZonedDateTime periodStart = date.atTime(period.start()).atZone(this.zone);
				ZonedDateTime periodEnd = earliest(date.atTime(period.end()).atZone(this.zone), to);
				if (!periodEnd.isAfter(periodStart)) {
					continue;
				}
				Duration available = Duration.between(periodStart, periodEnd);
				if (remaining.compareTo(available) <= 0) {
					return periodEnd.minus(remaining).toInstant();
				}
				remaining = remaining.minus(available);
			}
		}
		throw new IllegalStateException("No working time within " + MAX_DAYS + " days before " + end);
	}

	@Override
	public Duration between(Instant a, Instant b) {
		if (b.isBefore(a)) {
			return between(b, a).negated();
		}
		ZonedDateTime from = a.atZone(this.zone);
		ZonedDateTime to = b.atZone(this.zone);
		Duration total = Duration.ZERO;
		for (LocalDate date = from.toLocalDate(); !date.isAfter(to.toLocalDate()); date = date.plusDays(1)) {
			if (!isWorkingDay(date)) {
				continue;
			}
			for (Period period : this.periods) {
				ZonedDateTime periodStart = latest(date.atTime(period.start()).atZone(this.zone), from);
				ZonedDateTime periodEnd = earliest(date.atTime(period.end()).atZone(this.zone), to);
				if (periodEnd.isAfter(periodStart)) {
					total = total.plus(Duration.between(periodStart, periodEnd));
				}
			}
		}
		return total;
	}

	private static ZonedDateTime latest(ZonedDateTime a, ZonedDateTime b) {
		return a.isAfter(b) ? a : b;
	}

	private static ZonedDateTime earliest(ZonedDateTime a, ZonedDateTime b) {
		return a.isBefore(b) ? a : b;
	}

	/** One working period of a day, such as 09:00–12:00. */
	public record Period(LocalTime start, LocalTime end) {

		public Period {
			if (!end.isAfter(start)) {
				throw new IllegalArgumentException("A working period must end after it starts: " + start + "–" + end);
			}
		}

		Duration length() {
			return Duration.between(this.start, this.end);
		}

	}

}
