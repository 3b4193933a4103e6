package org.waystation.notification.delivery;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A text message to send, one per notification: its id is the notification's, so the same
 * step never queues two messages to the worker.
 *
 * @param status QUEUED until the provider took it (SENT), SENDING while an instance sends
 * it, FAILED once every attempt failed
 * @param attempts how many sends were tried
 * @param nextAttemptAt when it may be tried (again)
 */
@Document("sms_queue")
public record QueuedSms(@Id String id, String appealId, String to, String text, Status status, int attempts,
		Instant nextAttemptAt, Instant createdAt, Instant sentAt, String lastError) {

	public enum Status {

		QUEUED, SENDING, SENT, FAILED

	}

}
