package org.waystation.intake.channel;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The parts of one long text message, as the provider delivers them one by one, until the
 * message is whole (or waited for long enough).
 *
 * @param id the sender's phone and the provider's reference for the message
 * @param total how many parts the message has
 * @param parts the parts received, by their number (from 1)
 * @param firstReceivedAt when the provider received the first part to arrive
 * @param firstSeenAt when that part reached Waystation: the wait for the others starts
 * @param joinedAt when the message was handled whole, or null
 */
@Document("sms_parts")
public record SmsParts(@Id String id, String phone, String reference, int total, Map<String, String> parts,
		Instant firstReceivedAt, Instant firstSeenAt, Instant joinedAt) {

	static String idOf(String phone, String reference) {
		return phone + ":" + reference;
	}

	/** The message id the whole message is handled under. */
	String messageId() {
		return "parts:" + this.id;
	}

	boolean complete() {
		return this.parts != null && this.parts.size() >= this.total;
	}

	/** The parts in order, a missing one shown as "……". */
	String text() {
		StringBuilder text = new StringBuilder();
		for (int i = 1; i <= this.total; i++) {
			String part = (this.parts != null) ? this.parts.get(String.valueOf(i)) : null;
			text.append((part != null) ? part : "……");
		}
		return text.toString();
	}

}
