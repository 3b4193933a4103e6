package org.waystation.department.staff.web;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.waystation.department.staff.StaffDirectory;
import org.waystation.department.staff.StaffMember;
import org.waystation.events.Taxonomy;
import org.waystation.support.security.Caller;
import org.waystation.support.security.Roles;
import org.waystation.support.problem.ProblemException;

/**
 * The roster of a department. Members come from the identity service's accounts (an
 * administrator creates them there); here only who is on duty changes.
 */
@RestController
class StaffController {

	private final StaffDirectory staff;

	StaffController(StaffDirectory staff) {
		this.staff = staff;
	}

	@GetMapping("/api/v1/departments/{code}/staff")
	@RolesAllowed({ Roles.STAFF, Roles.TRIAGE, Roles.SUPERVISOR })
	List<StaffMember> ofDepartment(Caller caller, @PathVariable String code) {
		if (Taxonomy.standard().department(code).isEmpty()) {
			throw ProblemException.notFound("department-not-found", "No department has code " + code);
		}
		if (!caller.maySee(code)) {
			throw ProblemException.forbidden("You may see only your own department's roster");
		}
		return this.staff.ofDepartment(code);
	}

	/**
	 * Puts a member of staff on duty (round-robin assignment gives them cases) or off it:
	 * the member themselves, or a supervisor of their department.
	 */
	@PutMapping("/api/v1/staff/{id}/duty")
	@RolesAllowed({ Roles.STAFF, Roles.TRIAGE, Roles.SUPERVISOR })
	StaffMember setOnDuty(Caller caller, @PathVariable String id, @Valid @RequestBody DutyRequest request) {
		StaffMember member = this.staff.find(id)
			.filter((found) -> found.id().equals(caller.subject()) || caller.maySee(found.department()))
			.orElseThrow(() -> ProblemException.notVisible("staff-not-found", "No member of your staff is " + id));
		if (!member.id().equals(caller.subject()) && !caller.supervises(member.department())) {
			throw ProblemException.forbidden("Only the member themselves or a supervisor changes who is on duty");
		}
		return this.staff.setOnDuty(member.id(), request.onDuty()).orElseThrow();
	}

	record DutyRequest(@NotNull(message = "is required: true or false") Boolean onDuty) {

	}

}
