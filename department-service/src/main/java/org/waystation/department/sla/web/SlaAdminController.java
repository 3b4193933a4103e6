package org.waystation.department.sla.web;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.waystation.department.sla.CalendarDocument;
import org.waystation.department.sla.SlaPolicies;
import org.waystation.department.sla.SlaPolicy;
import org.waystation.support.security.Caller;
import org.waystation.support.security.Roles;
import org.waystation.support.problem.ProblemException;

/**
 * The business calendar and the SLA policies, changed at run time by administrators (a
 * change applies to cases opened from then on, and names the administrator's token
 * subject); supervisors may read them.
 */
@RestController
class SlaAdminController {

	private final SlaPolicies sla;

	SlaAdminController(SlaPolicies sla) {
		this.sla = sla;
	}

	@GetMapping("/api/v1/admin/calendar")
	@RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR })
	CalendarDocument calendar() {
		return this.sla.calendarDocument();
	}

	/**
	 * Replaces the calendar: zone, working periods, holidays and make-up working days.
	 */
	@PutMapping("/api/v1/admin/calendar")
	@RolesAllowed(Roles.ADMIN)
	CalendarDocument replaceCalendar(Caller caller, @RequestBody CalendarDocument calendar) {
		try {
			return this.sla.replaceCalendar(calendar, caller.subject());
		}
		catch (IllegalArgumentException ex) {
			throw ProblemException.invalid("calendar", ex.getMessage());
		}
	}

	@GetMapping("/api/v1/admin/sla-policies")
	@RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR })
	List<SlaPolicy> policies() {
		return this.sla.policies();
	}

	/** Adds or replaces a policy (durations in ISO-8601: PT4H, PT70H). */
	@PutMapping("/api/v1/admin/sla-policies/{id}")
	@RolesAllowed(Roles.ADMIN)
	SlaPolicy savePolicy(Caller caller, @PathVariable String id, @RequestBody SlaPolicy policy) {
		try {
			return this.sla.save(new SlaPolicy(id, policy.department(), policy.appealType(), policy.priority(),
					policy.signWithin(), policy.resolveWithin(), policy.clock(), policy.note(), null, null),
					caller.subject());
		}
		catch (IllegalArgumentException ex) {
			throw ProblemException.invalid("policy", ex.getMessage());
		}
	}

}
