package org.waystation.department.staff.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.waystation.department.staff.StaffDirectory;
import org.waystation.department.staff.StaffMember;
import org.waystation.events.Taxonomy;
import org.waystation.support.web.ApiException;

@RestController
class StaffController {

	private final StaffDirectory staff;

	StaffController(StaffDirectory staff) {
		this.staff = staff;
	}

	/**
	 * Adds or changes a member of staff: department, supervisor or not, on duty or not.
	 */
	@PutMapping("/api/v1/staff/{id}")
	StaffMember save(
			@PathVariable @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,63}",
					message = "must be 2-64 lower-case letters, digits, dots, hyphens or underscores") String id,
			@Valid @RequestBody StaffRequest request) {
		if (Taxonomy.standard().department(request.department()).isEmpty()) {
			throw ApiException.badRequest("department", "is not a department code: " + request.department());
		}
		return this.staff.save(id, request.name().strip(), request.department(), request.supervisor(),
				request.onDuty());
	}

	@GetMapping("/api/v1/departments/{code}/staff")
	List<StaffMember> ofDepartment(@PathVariable String code) {
		return this.staff.ofDepartment(code);
	}

	record StaffRequest(
			@NotBlank(message = "is required") @Size(max = 32, message = "must be at most 32 characters") String name,
			@NotBlank(message = "is required") String department, boolean supervisor, boolean onDuty) {

	}

}
