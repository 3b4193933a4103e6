package org.waystation.intake.channel;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A worker on the instant-messaging account: the platform's user id, the phone they gave
 * (appeals are filed under it, and texts about them go to it), and the first message they
 * sent before giving one.
 *
 * @param pendingText what they wrote before giving their phone, filed once they do
 * @param pendingMessageId the id of that message
 */
@Document("im_users")
public record ImUser(@Id String userId, String phone, String pendingText, String pendingMessageId, Instant pendingAt,
		Instant boundAt) {

}
