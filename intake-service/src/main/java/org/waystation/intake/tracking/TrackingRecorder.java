package org.waystation.intake.tracking;

import java.util.Map;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.waystation.events.AppealRouted;
import org.waystation.events.CaseEvent;
import org.waystation.events.CaseOpened;
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
		Optional<TrackingUpdate> update = TrackingUpdate.of(event);
		if (event instanceof CaseOpened opened && update.isEmpty()) {
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(event.appealId())),
					new Update().addToSet("departments", opened.department()), Appeal.class);
		}
		update.ifPresent((recorded) -> apply(event, recorded));
	}

	private void apply(Event event, TrackingUpdate update) {
		boolean routing = event instanceof AppealRouted;
		Update change = set(new Update().push("timeline", update.entry()).set("updatedAt", event.occurredAt()),
				update.fields());
		if (event instanceof CaseOpened opened) {
			// Whose staff may read the worker's contact: every department given a case
			// (in
			// the same write as its timeline entry).
			change.addToSet("departments", opened.department());
		}
		if (update.opensLead()) {
			set(change, update.leadFields()).set("status", update.status());
		}
		Query notYetRecorded = Query
			.query(Criteria.where("_id").is(event.appealId()).and("timeline.eventId").ne(update.entry().eventId()));
		if (this.mongo.updateFirst(notYetRecorded, change, Appeal.class).getMatchedCount() == 0) {
			if (!this.mongo.exists(Query.query(Criteria.where("_id").is(event.appealId())), Appeal.class)) {
				throw new UnknownAppealException(event);
			}
			// Recorded already: a replay changes nothing.
			return;
		}
		if (routing) {
			// The routing decision travels on another topic, read by another consumer: it
			// moves the status only if no case event got there first.
			this.mongo.updateFirst(
					Query.query(Criteria.where("_id").is(event.appealId()).and("status").is(AppealStatus.SUBMITTED)),
					set(new Update().set("status", update.status()), update.leadFields()), Appeal.class);
		}
		else if (!update.opensLead() && event instanceof CaseEvent caseEvent && update.status() != null) {
			// Only the lead case's events move the status and the worker's deadline.
			this.mongo.updateFirst(
					Query.query(Criteria.where("_id").is(event.appealId()).and("leadCaseId").is(caseEvent.caseId())),
					set(new Update().set("status", update.status()), update.leadFields()), Appeal.class);
		}
	}

	private static Update set(Update change, Map<String, Object> fields) {
		fields.forEach((field, value) -> {
			if (value == null) {
				change.unset(field);
			}
			else {
				change.set(field, value);
			}
		});
		return change;
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
