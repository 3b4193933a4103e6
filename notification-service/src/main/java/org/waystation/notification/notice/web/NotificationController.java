package org.waystation.notification.notice.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waystation.notification.notice.Notification;
import org.waystation.notification.notice.NotificationService;
import org.waystation.support.web.ApiException;

@RestController
class NotificationController {

	private final NotificationService notifications;

	NotificationController(NotificationService notifications) {
		this.notifications = notifications;
	}

	/** The notifications of one appeal, oldest first, by appeal id or tracking code. */
	@GetMapping("/api/v1/notifications")
	List<Notification> list(@RequestParam(required = false) String appealId,
			@RequestParam(required = false) String trackingCode) {
		if (appealId != null && !appealId.isBlank()) {
			return this.notifications.forAppeal(appealId.strip());
		}
		if (trackingCode != null && !trackingCode.isBlank()) {
			return this.notifications.forTrackingCode(trackingCode.strip().toUpperCase());
		}
		throw ApiException.badRequest("appealId", "is required (or give trackingCode)");
	}

}
