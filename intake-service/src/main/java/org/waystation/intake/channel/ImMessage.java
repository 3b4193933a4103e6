package org.waystation.intake.channel;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An inbound instant message once handled, under the platform's message id: a redelivery
 * finds it and gets the same answer.
 */
@Document("im_inbound")
public record ImMessage(@Id String messageId, ImInbound.Reply reply, Instant receivedAt, Instant handledAt) {

}
