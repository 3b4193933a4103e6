package org.waystation.notification.notice;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message to a worker about one event. Its id is the event's: an event never causes
 * two.
 *
 * @param recipient the masked phone number, never the full one
 * @param message the text in zh-CN, as sent
 * @param messageEn the same in English, for workers who chose it
 * @param sms the text message in zh-CN, shorter where the SMS template is (null in
 * notifications recorded before there were SMS templates)
 * @param smsEn the same in English
 */
@Document("notifications")
public record Notification(@Id String eventId, @Indexed String appealId, @Indexed String trackingCode, String eventType,
		String template, String channel, String recipient, String message, String messageEn, NotificationStatus status,
		Instant occurredAt, Instant createdAt, String sms, String smsEn) {

	/** The development sink: messages are recorded here, not sent. */
	public static final String DEV_SINK = "DEV_SINK";

	/** Sent by text message (queued in {@code outgoing}), and recorded here. */
	public static final String SMS = "SMS";

	/**
	 * Sent through the IM service account (queued in {@code outgoing}), and recorded
	 * here.
	 */
	public static final String IM = "IM";

}
