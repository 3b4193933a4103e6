package org.waystation.notification.notice.web;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waystation.notification.contact.WorkerContact;
import org.waystation.notification.notice.Notification;
import org.waystation.notification.notice.NotificationService;
import org.waystation.support.security.Caller;
import org.waystation.support.security.Roles;
import org.waystation.support.problem.ProblemException;

@RestController
class NotificationController {

	private final NotificationService notifications;

	NotificationController(NotificationService notifications) {
		this.notifications = notifications;
	}

	/**
	 * The notifications of one appeal, oldest first, by appeal id or tracking code: for
	 * the worker whose appeal it is, and for staff and supervisors of a department that
	 * holds one of its cases.
	 */
	@GetMapping("/api/v1/notifications")
	@RolesAllowed({ Roles.WORKER, Roles.STAFF, Roles.TRIAGE, Roles.SUPERVISOR })
	List<Notification> list(Caller caller, @RequestParam(required = false) String appealId,
			@RequestParam(required = false) String trackingCode) {
		String id;
		if (appealId != null && !appealId.isBlank()) {
			id = appealId.strip();
		}
		else if (trackingCode != null && !trackingCode.isBlank()) {
			id = this.notifications.appealOf(trackingCode.strip().toUpperCase()).orElse(null);
		}
		else {
			throw ProblemException.invalid("appealId", "is required (or give trackingCode)");
		}
		WorkerContact contact = (id != null) ? this.notifications.contactOf(id).orElse(null) : null;
		if (contact == null || !maySee(caller, contact)) {
			throw ProblemException.notVisible("appeal-not-found", "You have no appeal with these notifications");
		}
		return this.notifications.forAppeal(id);
	}

	private static boolean maySee(Caller caller, WorkerContact contact) {
		if (caller.isWorker()) {
			return caller.subject().equals(contact.workerId());
		}
		return caller.supervisesAll() || caller.maySeeAny(contact.departments());
	}

}
