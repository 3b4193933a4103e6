package org.waystation.department.sla.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.waystation.department.sla.CalendarDocument;
import org.waystation.department.sla.SlaPolicies;
import org.waystation.department.sla.SlaPolicy;
import org.waystation.support.web.ApiException;

/**
 * The business calendar and the SLA policies, changed at run time; a change applies to
 * cases opened from then on. {@code X-Staff-Id} names who made it (authentication comes
 * later).
 */
@RestController
class SlaAdminController {

	private final SlaPolicies sla;

	SlaAdminController(SlaPolicies sla) {
		this.sla = sla;
	}

	@GetMapping("/api/v1/admin/calendar")
	CalendarDocument calendar() {
		return this.sla.calendarDocument();
	}

	/**
	 * Replaces the calendar: zone, working periods, holidays and make-up working days.
	 */
	@PutMapping("/api/v1/admin/calendar")
	CalendarDocument replaceCalendar(@RequestBody CalendarDocument calendar,
			@RequestHeader(name = "X-Staff-Id", required = false) String by) {
		try {
			return this.sla.replaceCalendar(calendar, by);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.badRequest("calendar", ex.getMessage());
		}
	}

	@GetMapping("/api/v1/admin/sla-policies")
	List<SlaPolicy> policies() {
		return this.sla.policies();
	}

	/** Adds or replaces a policy (durations in ISO-8601: PT4H, PT70H). */
	@PutMapping("/api/v1/admin/sla-policies/{id}")
	SlaPolicy savePolicy(@PathVariable String id, @RequestBody SlaPolicy policy,
			@RequestHeader(name = "X-Staff-Id", required = false) String by) {
		try {
			return this.sla.save(new SlaPolicy(id, policy.department(), policy.appealType(), policy.priority(),
					policy.signWithin(), policy.resolveWithin(), policy.clock(), policy.note(), null, null), by);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.badRequest("policy", ex.getMessage());
		}
	}

}
