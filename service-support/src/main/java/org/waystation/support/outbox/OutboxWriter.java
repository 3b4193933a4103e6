package org.waystation.support.outbox;

import java.util.List;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.waystation.events.DomainEvent;

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
		Object id = this.mongo.getConverter()
			.getMappingContext()
			.getRequiredPersistentEntity(inserted.getClass())
			.getIdentifierAccessor(inserted)
			.getIdentifier();
		this.relay.wakeUp(this.mongo.getCollectionName(inserted.getClass()), id, outboxOf(inserted));
		return inserted;
	}

	/** The entries of a new document's outbox field. */
	@SuppressWarnings("unchecked")
	private List<OutboxEntry> outboxOf(Object document) {
		MongoPersistentEntity<?> entity = this.mongo.getConverter()
			.getMappingContext()
			.getRequiredPersistentEntity(document.getClass());
		Object value = entity.getPropertyAccessor(document)
			.getProperty(entity.getRequiredPersistentProperty(OutboxEntry.FIELD));
		return (value != null) ? List.copyOf((List<OutboxEntry>) value) : List.of();
	}

	/**
	 * Applies a change to the first document the query matches and queues the events, in
	 * one write: the query states what must still hold for the change to be right.
	 * @return false if no document matched: nothing was written
	 */
	public boolean updateWhere(Query query, Class<?> type, Update change, List<? extends DomainEvent> events) {
		List<OutboxEntry> entries = events.stream().map(OutboxEntry::of).toList();
		if (!entries.isEmpty()) {
			change.push(OutboxEntry.FIELD).each(entries.toArray());
		}
		boolean updated = this.mongo.updateFirst(query, change, type).getModifiedCount() == 1;
		if (updated && !events.isEmpty()) {
			Object id = query.getQueryObject().get("_id");
			if (id != null) {
				this.relay.wakeUp(this.mongo.getCollectionName(type), id, entries);
			}
			else {
				this.relay.wakeUp();
			}
		}
		return updated;
	}

	/**
	 * Stores an entity's new state if its version is still the expected one, with the
	 * events the change causes, without touching the entries of its outbox that are still
	 * waiting.
	 * @return false if the document changed (or vanished) in between: nothing was written
	 */
	public boolean save(Object entity, Object id, long expectedVersion, List<? extends DomainEvent> events) {
		org.bson.Document state = new org.bson.Document();
		this.mongo.getConverter().write(entity, state);
		Update change = new Update();
		state.forEach((field, value) -> {
			if (!field.equals("_id") && !field.equals("_class") && !field.equals("version")
					&& !field.equals(OutboxEntry.FIELD)) {
				change.set(field, value);
			}
		});
		// Fields that are null now are absent from the written state: clear them.
		this.mongo.getConverter()
			.getMappingContext()
			.getRequiredPersistentEntity(entity.getClass())
			.doWithProperties(
					(org.springframework.data.mapping.PropertyHandler<MongoPersistentProperty>) (property) -> {
						String field = property.getFieldName();
						if (!property.isIdProperty() && !property.isVersionProperty()
								&& !field.equals(OutboxEntry.FIELD) && !state.containsKey(field)) {
							change.unset(field);
						}
					});
		return update(entity.getClass(), id, expectedVersion, change, events);
	}

	/**
	 * Applies a change to the document of the given id if its version is still the
	 * expected one, increments the version and queues the events.
	 * @return false if the document changed (or vanished) in between: nothing was written
	 */
	public boolean update(Class<?> type, Object id, long expectedVersion, Update change,
			List<? extends DomainEvent> events) {
		Query current = Query.query(Criteria.where("_id").is(id).and("version").is(expectedVersion));
		return updateWhere(current, type, change.inc("version", 1), events);
	}

}
