package org.waystation.notification.inbox.web;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waystation.notification.inbox.Inbox;
import org.waystation.notification.inbox.InboxMessage;
import org.waystation.support.security.Caller;
import org.waystation.support.security.Roles;

/**
 * The signed-in account's own inbox: staff hear of cases assigned to them, supervisors of
 * urgent appeals, SLA warnings, breaches and escalations, workers of every step of their
 * appeals. Nobody reads another's.
 */
@RestController
class InboxController {

	private final Inbox inbox;

	InboxController(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping("/api/v1/notifications/inbox")
	@RolesAllowed({ Roles.WORKER, Roles.STAFF, Roles.TRIAGE, Roles.SUPERVISOR, Roles.ADMIN, Roles.OPERATOR })
	InboxView inbox(Caller caller, @RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(defaultValue = "50") @Min(value = 1, message = "must be between 1 and 200") @Max(value = 200,
					message = "must be between 1 and 200") int limit) {
		return new InboxView(this.inbox.unread(caller.subject()), this.inbox.of(caller.subject(), unread, limit));
	}

	@PostMapping("/api/v1/notifications/inbox/{id}/read")
	@RolesAllowed({ Roles.WORKER, Roles.STAFF, Roles.TRIAGE, Roles.SUPERVISOR, Roles.ADMIN, Roles.OPERATOR })
	InboxMessage read(Caller caller, @PathVariable String id) {
		return this.inbox.markRead(caller.subject(), id);
	}

	/**
	 * @param unread how many of the account's messages are not read yet
	 * @param messages the newest first
	 */
	record InboxView(long unread, List<InboxMessage> messages) {

	}

}
