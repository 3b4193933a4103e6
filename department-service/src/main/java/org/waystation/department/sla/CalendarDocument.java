package org.waystation.department.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.core.type.TypeReference;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The business calendar as stored and as administrators edit it: time zone, working
 * periods, public holidays and make-up working days, as ISO dates and times.
 */
@Document("calendars")
public record CalendarDocument(@Id String id, String zone, List<PeriodDocument> periods, List<String> holidays,
		List<String> workdays, String note, Instant updatedAt, String updatedBy) {

	public static final String DEFAULT_ID = "default";

	/** The calendar shipped with this version (2026 holidays). */
	public static CalendarDocument standard() {
		return Json.read("/sla/calendar-default.json", new TypeReference<CalendarDocument>() {
		});
	}

	/**
	 * The calendar to compute with.
	 * @throws IllegalArgumentException naming what is wrong with the document
	 */
	public BusinessCalendar toCalendar() {
		if (this.periods == null || this.holidays == null || this.workdays == null || this.zone == null) {
			throw new IllegalArgumentException("zone, periods, holidays and workdays are required");
		}
		try {
			return new BusinessCalendar(ZoneId.of(this.zone),
					this.periods.stream()
						.map((p) -> new BusinessCalendar.Period(LocalTime.parse(p.start()), LocalTime.parse(p.end())))
						.toList(),
					dates(this.holidays), dates(this.workdays));
		}
		catch (java.time.DateTimeException ex) {
			throw new IllegalArgumentException(ex.getMessage(), ex);
		}
	}

	private static Set<LocalDate> dates(List<String> values) {
		Set<LocalDate> dates = new TreeSet<>();
		values.forEach((value) -> dates.add(LocalDate.parse(value)));
		return dates;
	}

	/** A working period as stored: "09:00" to "12:00". */
	public record PeriodDocument(String start, String end) {

	}

}
