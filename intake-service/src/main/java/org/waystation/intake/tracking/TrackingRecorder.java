package org.waystation.intake.tracking;

import java.util.Arrays;
import java.util.List;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.waystation.events.Event;
import org.waystation.intake.appeal.Appeal;
import org.waystation.intake.appeal.AppealStatus;

/**
 * Applies events to the tracking view. Each event adds its timeline entry once (its id
 * guards the write), and the status only moves forward, so replays and events that arrive
 * out of order across topics leave the view as it should be.
 */
@Component
class TrackingRecorder {

	private final MongoTemplate mongo;

	TrackingRecorder(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	void record(Event event) {
		TrackingUpdate.of(event).ifPresent((update) -> apply(event, update));
	}

	private void apply(Event event, TrackingUpdate update) {
		Update change = new Update().push("timeline", update.entry()).set("updatedAt", event.occurredAt());
		setIfPresent(change, "category", update.category());
		setIfPresent(change, "department", update.department());
		setIfPresent(change, "caseId", update.caseId());
		setIfPresent(change, "resolution", update.resolution());
		Query notYetRecorded = Query
			.query(Criteria.where("_id").is(event.appealId()).and("timeline.eventId").ne(update.entry().eventId()));
		if (this.mongo.updateFirst(notYetRecorded, change, Appeal.class).getMatchedCount() == 0
				&& !this.mongo.exists(Query.query(Criteria.where("_id").is(event.appealId())), Appeal.class)) {
			throw new UnknownAppealException(event);
		}
		// Runs on replays too: if a crash fell between the two writes, this completes the
		// first.
		Query earlierStatus = Query
			.query(Criteria.where("_id").is(event.appealId()).and("status").in(statusesBefore(update.status())));
		this.mongo.updateFirst(earlierStatus, new Update().set("status", update.status()), Appeal.class);
	}

	private static List<AppealStatus> statusesBefore(AppealStatus status) {
		return Arrays.stream(AppealStatus.values()).filter(status::isAfter).toList();
	}

	private static void setIfPresent(Update change, String field, String value) {
		if (value != null) {
			change.set(field, value);
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
