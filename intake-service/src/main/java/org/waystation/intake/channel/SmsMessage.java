package org.waystation.intake.channel;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An inbound SMS once handled, under the provider's message id: a redelivery finds it and
 * changes nothing.
 *
 * @param action what the message did
 * @param trackingCode the appeal it made or was matched to (null when ignored)
 */
@Document("sms_inbound")
public record SmsMessage(@Id String messageId, SmsInbound.Action action, String trackingCode, Instant receivedAt,
		Instant handledAt) {

}
