package org.waystation.intake.tracking;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.waystation.events.AppealRouted;
import org.waystation.events.Event;
import org.waystation.intake.appeal.Appeal;
import org.waystation.intake.appeal.AppealStatus;

/**
 * Applies events to the tracking view. Each event is applied once, in one write guarded
 * by its id: the timeline entry, the fields it sets and, for the lead case's events, the
 * status. A routing decision that arrives after the case opened (another topic) never
 * moves the status back.
 */
@Component
class TrackingRecorder {

	private final MongoTemplate mongo;

	TrackingRecorder(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	void record(Event event) {
		Appeal appeal = this.mongo.findById(event.appealId(), Appeal.class);
		if (appeal == null) {
			throw new UnknownAppealException(event);
		}
		TrackingUpdate.of(event, appeal.getLeadCaseId()).ifPresent((update) -> apply(event, appeal, update));
	}

	private void apply(Event event, Appeal appeal, TrackingUpdate update) {
		boolean routing = event instanceof AppealRouted;
		Update change = new Update().push("timeline", update.entry()).set("updatedAt", event.occurredAt());
		update.fields().forEach((field, value) -> {
			if (routing && field.equals("department")) {
				return;
			}
			if (value == null) {
				change.unset(field);
			}
			else {
				change.set(field, value);
			}
		});
		if (update.status() != null && !routing) {
			change.set("status", update.status());
		}
		Query notYetRecorded = Query
			.query(Criteria.where("_id").is(event.appealId()).and("timeline.eventId").ne(update.entry().eventId()));
		this.mongo.updateFirst(notYetRecorded, change, Appeal.class);
		if (routing) {
			// The routing decision travels on another topic, read by another consumer: it
			// moves
			// the status only if no case event got there first. Runs on replays too,
			// harmlessly.
			this.mongo.updateFirst(
					Query.query(Criteria.where("_id").is(event.appealId()).and("status").is(AppealStatus.SUBMITTED)),
					new Update().set("status", AppealStatus.ROUTED)
						.set("department", update.fields().get("department")),
					Appeal.class);
		}
	}

	/**
	 * An event for an appeal this service never accepted: retried, then dead-lettered.
	 */
	static class UnknownAppealException extends RuntimeException {

		UnknownAppealException(Event event) {
			super("No appeal " + event.appealId() + " for " + event.type() + " " + event.eventId());
		}

	}

}
