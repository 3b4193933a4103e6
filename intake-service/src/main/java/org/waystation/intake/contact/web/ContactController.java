package org.waystation.intake.contact.web;

import java.time.Duration;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waystation.events.Taxonomy;
import org.waystation.intake.appeal.Appeal;
import org.waystation.intake.appeal.AppealService;
import org.waystation.intake.contact.ContactRead;
import org.waystation.intake.contact.ContactReads;
import org.waystation.support.privacy.PhoneNumbers;
import org.waystation.support.security.Caller;
import org.waystation.support.security.Roles;
import org.waystation.support.web.RequestValues;
import org.waystation.support.problem.ProblemException;

@RestController
@Validated
class ContactController {

	private final AppealService appeals;

	private final ContactReads reads;

	ContactController(AppealService appeals, ContactReads reads) {
		this.appeals = appeals;
		this.reads = reads;
	}

	/**
	 * The worker's phone number, for staff of a department that holds a case of the
	 * appeal (and their supervisors). Every read is logged: who, when, which appeal.
	 */
	@GetMapping("/api/v1/appeals/{trackingCode}/contact")
	@RolesAllowed({ Roles.STAFF, Roles.TRIAGE, Roles.SUPERVISOR })
	Contact contact(Caller caller, @PathVariable String trackingCode) {
		Appeal appeal = this.appeals.findByTrackingCode(trackingCode)
			.orElseThrow(() -> ProblemException.notVisible("appeal-not-found",
					"No case of appeal " + trackingCode + " is in your department"));
		String phone = this.reads.read(appeal, caller);
		return new Contact(appeal.getTrackingCode(), phone, PhoneNumbers.mask(phone), true);
	}

	/**
	 * The access log of contact reads for the departments a supervisor oversees, newest
	 * first.
	 */
	@GetMapping("/api/v1/audit/contact-reads")
	@RolesAllowed(Roles.SUPERVISOR)
	List<ContactRead> contactReads(Caller caller, @RequestParam(required = false) String department,
			@RequestParam(required = false) String trackingCode, @RequestParam(required = false) String since,
			@RequestParam(defaultValue = "100") @Min(value = 1, message = "must be between 1 and 1000") @Max(
					value = 1000, message = "must be between 1 and 1000") int limit) {
		String scope = caller.supervisionScope();
		if (department != null && Taxonomy.standard().department(department).isEmpty()) {
			throw ProblemException.invalid("department", "is not a department code: " + department);
		}
		if (department != null && !caller.supervises(department)) {
			throw ProblemException.forbidden("You do not supervise " + department);
		}
		return this.reads.list((department != null) ? department : scope,
				(trackingCode != null) ? trackingCode.strip().toUpperCase() : null,
				RequestValues.since("since", since, Duration.ofDays(30)), limit);
	}

	/**
	 * @param logged always true: the read is in the access log
	 */
	record Contact(String trackingCode, String phone, String maskedPhone, boolean logged) {

	}

}
