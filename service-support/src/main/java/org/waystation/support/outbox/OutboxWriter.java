package org.waystation.support.outbox;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.bulk.BulkWriteError;

import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
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

	/** The server's code for a write that would repeat a unique key. */
	private static final int DUPLICATE_KEY = 11000;

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
		wakeUp(List.of(inserted), inserted.getClass());
		return inserted;
	}

	/**
	 * Inserts new documents of one type, whose {@code outbox} fields already hold their
	 * first events, in one round trip and in their order; a document whose {@code _id} is
	 * stored already (a replay) is passed over and the ones after it are still inserted.
	 * @return the documents inserted, in their order
	 */
	public <T> List<T> insertAll(List<T> documents, Class<T> type) {
		MongoPersistentEntity<?> entity = this.mongo.getConverter()
			.getMappingContext()
			.getRequiredPersistentEntity(type);
		documents.forEach((document) -> firstVersion(document, entity));
		List<T> inserted = new ArrayList<>(documents.size());
		List<T> rest = documents;
		while (!rest.isEmpty()) {
			try {
				this.mongo.bulkOps(BulkOperations.BulkMode.ORDERED, type).insert(rest).execute();
				inserted.addAll(rest);
				rest = List.of();
			}
			catch (BulkOperationException ex) {
				// In order: those before the first error are stored, the one at it is
				// not.
				BulkWriteError first = ex.getErrors().get(0);
				inserted.addAll(rest.subList(0, first.getIndex()));
				if (first.getCode() != DUPLICATE_KEY) {
					wakeUp(inserted, type);
					throw ex;
				}
				rest = rest.subList(first.getIndex() + 1, rest.size());
			}
		}
		wakeUp(inserted, type);
		return inserted;
	}

	/** As a single insert does: a new document's version starts at 0. */
	private void firstVersion(Object document, MongoPersistentEntity<?> entity) {
		if (entity.hasVersionProperty()) {
			PersistentPropertyAccessor<Object> accessor = entity.getPropertyAccessor(document);
			MongoPersistentProperty version = entity.getRequiredVersionProperty();
			if (accessor.getProperty(version) == null) {
				accessor.setProperty(version,
						this.mongo.getConverter().getConversionService().convert(0, version.getType()));
			}
		}
	}

	private void wakeUp(List<?> inserted, Class<?> type) {
		String collection = this.mongo.getCollectionName(type);
		MongoPersistentEntity<?> entity = this.mongo.getConverter()
			.getMappingContext()
			.getRequiredPersistentEntity(type);
		for (Object document : inserted) {
			this.relay.wakeUp(collection, entity.getIdentifierAccessor(document).getIdentifier(), outboxOf(document));
		}
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
