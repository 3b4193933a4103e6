package org.waystation.department.kpi.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waystation.department.kpi.KpiService;
import org.waystation.support.security.Caller;
import org.waystation.support.security.Roles;
import org.waystation.support.problem.ProblemException;

@RestController
class KpiController {

	private final KpiService kpis;

	KpiController(KpiService kpis) {
		this.kpis = kpis;
	}

	/**
	 * KPIs over cases opened from {@code from} (inclusive) to {@code to} (exclusive):
	 * instants (2026-11-01T00:00:00Z) or dates in Asia/Shanghai (2026-11-01; {@code to}
	 * as a date includes that whole day), grouped by department, category or district. A
	 * supervisor of one department sees that department's cases only.
	 */
	@GetMapping("/api/v1/kpis")
	@RolesAllowed(Roles.SUPERVISOR)
	KpiService.Report report(Caller caller, @RequestParam String from, @RequestParam String to,
			@RequestParam(defaultValue = "department") String groupBy) {
		Instant start = parse("from", from, false);
		Instant end = parse("to", to, true);
		if (!end.isAfter(start)) {
			throw ProblemException.invalid("to", "must be after from");
		}
		KpiService.GroupBy group;
		try {
			group = KpiService.GroupBy.valueOf(groupBy.toUpperCase());
		}
		catch (IllegalArgumentException ex) {
			throw ProblemException.invalid("groupBy", "must be department, category or district");
		}
		return this.kpis.report(start, end, group, caller.supervisionScope());
	}

	private static Instant parse(String field, String value, boolean endOfDay) {
		try {
			if (value.length() == 10) {
				LocalDate date = LocalDate.parse(value);
				return (endOfDay ? date.plusDays(1) : date).atStartOfDay(KpiService.ZONE).toInstant();
			}
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw ProblemException.invalid(field, "must be a date (2026-11-01) or an instant (2026-11-01T00:00:00Z)");
		}
	}

}
