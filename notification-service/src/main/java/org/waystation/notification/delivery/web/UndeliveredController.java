package org.waystation.notification.delivery.web;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waystation.notification.contact.WorkerContact;
import org.waystation.notification.delivery.Delivery;
import org.waystation.notification.delivery.DeliveryChannel;
import org.waystation.notification.delivery.QueuedMessage;
import org.waystation.support.privacy.PhoneNumbers;
import org.waystation.support.security.Caller;
import org.waystation.support.security.Roles;

/**
 * Messages (text, IM, mail) that could not be delivered after every attempt: never
 * dropped silently, listed for the supervisors of the departments holding the appeal's
 * cases (a supervisor of every department sees them all), so that someone calls the
 * worker instead.
 */
@RestController
@Validated
class UndeliveredController {

	private final Delivery delivery;

	private final MongoTemplate mongo;

	UndeliveredController(Delivery delivery, MongoTemplate mongo) {
		this.delivery = delivery;
		this.mongo = mongo;
	}

	@GetMapping("/api/v1/notifications/undelivered")
	@RolesAllowed(Roles.SUPERVISOR)
	List<Undelivered> undelivered(Caller caller, @RequestParam(defaultValue = "50") @Min(value = 1,
			message = "must be between 1 and 200") @Max(value = 200, message = "must be between 1 and 200") int limit) {
		return this.delivery.failed(limit * 4).stream().map((message) -> {
			WorkerContact contact = (message.appealId() != null)
					? this.mongo.findById(message.appealId(), WorkerContact.class) : null;
			if (!caller.supervisesAll() && (contact == null || !caller.maySeeAny(contact.departments()))) {
				return null;
			}
			return new Undelivered(message.id(), (contact != null) ? contact.trackingCode() : null, message.via(),
					masked(message), (message.via() == DeliveryChannel.SMS) ? PhoneNumbers.mask(message.to()) : null,
					message.attempts(), message.lastError(), message.createdAt(), message.nextAttemptAt());
		}).filter(java.util.Objects::nonNull).limit(limit).toList();
	}

	/** The recipient, masked: 138****5678, wx-o…, l***@rsj.example.cn. */
	private static String masked(QueuedMessage message) {
		String to = message.to();
		return switch (message.via()) {
			case SMS -> PhoneNumbers.mask(to);
			case IM -> to.substring(0, Math.min(4, to.length())) + "…";
			case EMAIL -> (to.indexOf('@') > 0) ? to.charAt(0) + "***" + to.substring(to.indexOf('@')) : "***";
		};
	}

	/**
	 * @param notificationId the message's id: the notification it was for (with the
	 * channel and the account for mail to staff)
	 * @param to the recipient, masked
	 * @param phone the masked phone number of a text message (null for other channels)
	 * @param lastAttemptAt when it was last tried
	 */
	record Undelivered(String notificationId, String trackingCode, DeliveryChannel channel, String to, String phone,
			int attempts, String lastError, Instant queuedAt, Instant lastAttemptAt) {

	}

}
