package org.waystation.notification.contact;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.waystation.events.Channel;

/**
 * The phone number to notify about one appeal, whose worker it is and which departments
 * hold its cases (who may read its messages). Kept here, not passed on every event, so
 * that case events carry no personal data. Case events may come before the appeal's
 * submission (another topic): then only the departments are known yet.
 *
 * @param workerId the worker's pseudonymous id, the subject of their tokens
 * @param channel the channel the worker appealed through (null in contacts stored before
 * it was kept)
 * @param urgent whether its lead case is URGENT: its text messages go out in quiet hours
 * too
 * @param language {@code en} for a worker who wrote in English (texted in English),
 * otherwise {@code zh-CN} or null
 * @param replyTo the IM user id of a worker who came by IM, or null
 */
@Document("contacts")
public record WorkerContact(@Id String appealId, @Indexed String trackingCode, String phone, String workerId,
		Instant submittedAt, List<String> departments, Channel channel, Boolean urgent, String language,
		String replyTo) {

	public WorkerContact {
		departments = (departments != null) ? List.copyOf(departments) : List.of();
	}

	public boolean english() {
		return "en".equals(this.language);
	}

	/** Whether the submission (and so the phone number) has arrived. */
	public boolean known() {
		return this.phone != null;
	}

}
