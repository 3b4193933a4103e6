package org.waystation.notification.delivery;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A message to send through one provider: a text message or IM message to a worker, an
 * email to a member of staff. Its id is the notification's (with the channel and the
 * account for staff), so the same step never queues two messages to one person on one
 * channel.
 *
 * @param channel how it goes out (null in messages queued before there was more than SMS)
 * @param to the phone number, IM user id or email address
 * @param subject the email's subject, null for other channels
 * @param status QUEUED until the provider took it (SENT), SENDING while an instance sends
 * it, FAILED once every attempt failed
 * @param attempts how many sends were tried
 * @param nextAttemptAt when it may be tried (again)
 */
@Document("outgoing")
@CompoundIndexes({ @CompoundIndex(name = "due", def = "{'status': 1, 'nextAttemptAt': 1}"),
		@CompoundIndex(name = "appeal", def = "{'appealId': 1}") })
public record QueuedMessage(@Id String id, String appealId, DeliveryChannel channel, String to, String subject,
		String text, Status status, int attempts, Instant nextAttemptAt, Instant createdAt, Instant sentAt,
		String lastError) {

	public enum Status {

		QUEUED, SENDING, SENT, FAILED

	}

	/** The channel, SMS for messages queued before there were others. */
	public DeliveryChannel via() {
		return (this.channel != null) ? this.channel : DeliveryChannel.SMS;
	}

}
