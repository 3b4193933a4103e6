package org.waystation.department.supervision;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.waystation.events.SupervisorAlerted;

/**
 * An urgent appeal a supervisor must look at now. Its id is the alert event's, so a
 * replay records nothing new; it stays on the worklist until a supervisor acknowledges
 * it.
 *
 * @param alsoToTriage whether the triage desk got the appeal too (the classifier was
 * unsure)
 * @param reason why, for people, in Chinese
 */
@Document("supervisor_alerts")
public record SupervisorAlert(@Id String alertId, String appealId, String trackingCode, String kind, String department,
		String category, String priority, boolean alsoToTriage, String district, String reason, Instant raisedAt,
		Instant acknowledgedAt, String acknowledgedBy) {

	static SupervisorAlert of(SupervisorAlerted alerted) {
		return new SupervisorAlert(alerted.eventId().toString(), alerted.appealId(), alerted.trackingCode(),
				alerted.kind(), alerted.department(), alerted.category(), alerted.priority(), alerted.alsoToTriage(),
				alerted.district(), alerted.reason(), alerted.occurredAt(), null, null);
	}

	public boolean acknowledged() {
		return this.acknowledgedAt != null;
	}

}
