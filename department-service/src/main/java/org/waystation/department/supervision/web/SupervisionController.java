package org.waystation.department.supervision.web;

import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waystation.department.supervision.SupervisorAlert;
import org.waystation.department.supervision.Supervision;
import org.waystation.department.supervision.WorkKind;
import org.waystation.events.Taxonomy;
import org.waystation.support.problem.ProblemException;
import org.waystation.support.security.Caller;
import org.waystation.support.security.Roles;

/**
 * The supervision worklist and the acknowledgement of urgent alerts. Supervisors see
 * every kind for the departments they oversee; the triage desk sees the returned cases of
 * every department, which it reviews.
 */
@RestController
class SupervisionController {

	private final Supervision supervision;

	private final Taxonomy taxonomy = Taxonomy.standard();

	SupervisionController(Supervision supervision) {
		this.supervision = supervision;
	}

	/** What to act on, soonest due first, with how many there are of each kind. */
	@GetMapping("/api/v1/supervision/worklist")
	@RolesAllowed({ Roles.SUPERVISOR, Roles.TRIAGE })
	Supervision.Worklist worklist(Caller caller, @RequestParam(required = false) List<WorkKind> kind,
			@RequestParam(required = false) String department,
			@RequestParam(defaultValue = "100") @Min(value = 1, message = "must be between 1 and 500") @Max(value = 500,
					message = "must be between 1 and 500") int limit) {
		List<WorkKind> kinds = (kind == null || kind.isEmpty()) ? Arrays.asList(WorkKind.values()) : kind;
		String scope;
		if (caller.has(Roles.SUPERVISOR)) {
			scope = caller.supervisionScope();
		}
		else {
			if (kind != null && !kind.isEmpty() && !List.of(WorkKind.RETURNED).equals(kind)) {
				throw ProblemException.forbidden("The triage desk's worklist holds the returned cases only");
			}
			kinds = List.of(WorkKind.RETURNED);
			scope = null;
		}
		if (department != null) {
			String code = this.taxonomy.department(department)
				.map(Taxonomy.Entry::code)
				.orElseThrow(() -> ProblemException.invalid("department",
						"is not a department code: " + department + " (codes are the taxonomy's, such as HRSS)"));
			if (scope != null && !scope.equals(code)) {
				throw ProblemException.forbidden("You oversee " + scope + " only");
			}
			scope = code;
		}
		return this.supervision.worklist(kinds, scope, limit);
	}

	/**
	 * A supervisor of the alert's department acknowledges it: it leaves the worklist.
	 * Acknowledging it again is a 409 naming who did.
	 */
	@PostMapping("/api/v1/supervision/alerts/{alertId}/ack")
	@RolesAllowed(Roles.SUPERVISOR)
	SupervisorAlert acknowledge(Caller caller, @PathVariable String alertId) {
		SupervisorAlert alert = this.supervision.alert(alertId)
			.filter((found) -> caller.supervises(found.department()))
			.orElseThrow(() -> ProblemException.notVisible("alert-not-found", "No alert of yours has this id"));
		return this.supervision.acknowledge(alert.alertId(), caller.subject());
	}

}
