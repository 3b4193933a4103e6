package org.waystation.support.outbox;

import java.util.List;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.waystation.events.Event;

/**
 * Changes a document and queues the events the change causes in the same single-document
 * write, so that the change and its events are durable together or not at all. Documents
 * are never replaced whole once written: a whole-document save could put back entries the
 * relay has already published and removed.
 */
public class OutboxWriter {

	private final MongoTemplate mongo;

	private final OutboxRelay relay;

	public OutboxWriter(MongoTemplate mongo, OutboxRelay relay) {
		this.mongo = mongo;
		this.relay = relay;
	}

	/**
	 * Inserts a new document whose {@code outbox} field already holds its first events.
	 */
	public <T> T insert(T document) {
		T inserted = this.mongo.insert(document);
		this.relay.wakeUp();
		return inserted;
	}

	/**
	 * Applies a change to the document of the given id if its version is still the
	 * expected one, increments the version and queues the events.
	 * @return false if the document changed (or vanished) in between: nothing was written
	 */
	public boolean update(Class<?> type, Object id, long expectedVersion, Update change, List<? extends Event> events) {
		Query current = Query.query(Criteria.where("_id").is(id).and("version").is(expectedVersion));
		change.inc("version", 1);
		if (!events.isEmpty()) {
			change.push(OutboxEntry.FIELD).each(events.stream().map(OutboxEntry::of).toArray());
		}
		boolean updated = this.mongo.updateFirst(current, change, type).getModifiedCount() == 1;
		if (updated && !events.isEmpty()) {
			this.relay.wakeUp();
		}
		return updated;
	}

}
