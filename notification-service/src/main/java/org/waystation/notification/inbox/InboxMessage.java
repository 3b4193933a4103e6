package org.waystation.notification.inbox;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message in one account's inbox. Its id is the event's and the account's together:
 * an event never puts two messages in one inbox.
 *
 * @param account the username of a member of staff, or a worker's pseudonymous id
 * @param message the text in zh-CN
 * @param messageEn the same in English
 * @param readAt when the account's holder marked it read, or {@code null}
 */
@Document("inbox")
@CompoundIndex(name = "mine", def = "{'account': 1, 'readAt': 1}")
public record InboxMessage(@Id String id, String account, String appealId, String trackingCode, String eventType,
		String template, String message, String messageEn, Instant occurredAt, Instant createdAt, Instant readAt) {

	static String idFor(String eventId, String account) {
		return eventId + ":" + account;
	}

}
