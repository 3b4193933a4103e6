package org.waystation.identity.audit.web;

import java.time.Duration;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waystation.identity.audit.SecurityEvent;
import org.waystation.identity.audit.SecurityEvents;
import org.waystation.support.security.Roles;
import org.waystation.support.web.RequestValues;

@RestController
@Validated
class SecurityEventController {

	private final SecurityEvents events;

	SecurityEventController(SecurityEvents events) {
		this.events = events;
	}

	/** The security log, newest first: sign-ins, lockouts, codes, account changes. */
	@GetMapping("/api/v1/admin/security-events")
	@RolesAllowed(Roles.ADMIN)
	List<SecurityEvent> list(@RequestParam(required = false) String type,
			@RequestParam(required = false) String subject, @RequestParam(required = false) String since,
			@RequestParam(defaultValue = "100") @Min(value = 1, message = "must be between 1 and 1000") @Max(
					value = 1000, message = "must be between 1 and 1000") int limit) {
		return this.events.list(type, subject, RequestValues.since("since", since, Duration.ofDays(7)), limit);
	}

}
