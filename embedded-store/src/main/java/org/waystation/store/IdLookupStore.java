package org.waystation.store;

import java.util.List;
import java.util.Set;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 collections, reporting every change of a document to a
 * {@link CollectionEvents} (the store's journal), keeping the non-unique indexes the
 * services declare ({@link SecondaryIndex}; the server ignores them), and planning a
 * query on the index that narrows it most. A query on the {@code _id} and more fields (an
 * update guarded by a version or a status, the most common write of the services) looks
 * the document up by its {@code _id}: the server uses an index only for a query on
 * exactly that index's fields, so such a query read every document of its collection.
 * Either way each document read is then matched against the whole query as before, so the
 * answer is the same, and its cost no longer grows with the collection, as on MongoDB,
 * which plans such queries on the same indexes.
 */
final class IdLookupStore {

	/**
	 * The store and change log of the database being opened: H2's database opens its
	 * collections from its constructor, before a subclass could keep them in fields.
	 */
	private static final ThreadLocal<Opening> OPENING = new ThreadLocal<>();

	private record Opening(MVStore store, CollectionEvents changes) {

	}

	/** Where the collections report what changes and how much they read. */
	interface CollectionEvents {

		/**
		 * A document was written ({@code document} is its new state) or removed
		 * ({@code document} is null). Called while its collection is locked.
		 */
		void changed(String namespace, Object id, Document document);

		/** A collection (or a database) was created. */
		void createdCollection();

		/** A query of the collection read this many documents. */
		void read(String namespace, long documents);

		/** Whether the calling thread runs a command that writes. */
		boolean writing();

	}

	/** H2's name for a collection's map of metadata. */
	private static final String META_PREFIX = "meta.";

	private IdLookupStore() {
	}

	static MongoDatabase database(String name, MVStore store, CursorRegistry cursors, CollectionEvents changes) {
		OPENING.set(new Opening(store, changes));
		try {
			return new Database(name, store, cursors, changes);
		}
		finally {
			OPENING.remove();
		}
	}

	private static final class Database extends H2Database {

		private final MVStore store;

		private final CollectionEvents changes;

		Database(String name, MVStore store, CursorRegistry cursors, CollectionEvents changes) {
			super(name, store, cursors);
			this.store = store;
			this.changes = changes;
		}

		@Override
		protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
			Opening opening = opening();
			opening.changes().createdCollection();
			String namespace = getFullCollectionNamespace(collectionName);
			return new Collection(this, collectionName, options, StoreFormat.documents(opening.store(), namespace),
					opening.store().openMap(META_PREFIX + namespace), this.cursorRegistry, opening.changes());
		}

		@Override
		protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
				boolean sparse) {
			return new StoreFormat.UniqueIndex(opening().store(), getFullCollectionNamespace(collectionName), indexName,
					keys, sparse);
		}

		@Override
		protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
				boolean sparse) {
			return new SecondaryIndex(opening().store(), getFullCollectionNamespace(collectionName), indexName, keys,
					sparse);
		}

		/** Its store and change log, also while its constructor runs. */
		private Opening opening() {
			return (this.store != null) ? new Opening(this.store, this.changes) : OPENING.get();
		}

	}

	private static final class Collection extends H2Collection {

		private final CollectionEvents changes;

		/**
		 * Changes of documents are journaled; the server's own collections change with
		 * the schema.
		 */
		private final boolean journaled;

		private final String namespace;

		Collection(MongoDatabase database, String name, CollectionOptions options,
				org.h2.mvstore.MVMap<Object, Document> documents, org.h2.mvstore.MVMap<String, Object> meta,
				CursorRegistry cursors, CollectionEvents changes) {
			super(database, name, options, documents, meta, cursors);
			this.changes = changes;
			this.journaled = !name.startsWith("system.") && "_id".equals(getIdField());
			this.namespace = database.getDatabaseName() + "." + name;
		}

		@Override
		protected Object addDocumentInternal(Document document) {
			Object position = super.addDocumentInternal(document);
			if (this.journaled) {
				this.changes.changed(this.namespace, document.get("_id"), document);
			}
			return position;
		}

		/**
		 * A command that writes reads copies: mongo-java-server changes the document an
		 * update read in place before storing it again, and the stored object must never
		 * change while a reader's answer or the journal holds it.
		 */
		@Override
		protected Document getDocument(Object position) {
			Document stored = super.getDocument(position);
			return (stored != null && this.changes.writing()) ? stored.cloneDeeply() : stored;
		}

		@Override
		protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
			super.handleUpdate(position, oldDocument, newDocument);
			if (this.journaled) {
				this.changes.changed(this.namespace, newDocument.get("_id"), newDocument);
			}
		}

		@Override
		protected QueryResult matchDocuments(Document query, Iterable<Object> positions, Document orderBy,
				int numberToSkip, int limit, int batchSize, Document fieldSelector) {
			List<Object> read = new java.util.ArrayList<>();
			positions.forEach(read::add);
			this.changes.read(this.namespace, read.size());
			return super.matchDocuments(query, read, orderBy, numberToSkip, limit, batchSize, fieldSelector);
		}

		/** A read of every document of the collection. */
		@Override
		protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit,
				int batchSize, Document fieldSelector) {
			this.changes.read(this.namespace, count());
			return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
		}

		/**
		 * The first documents in the order asked, read in the index's order as far as the
		 * page goes; null when the index cannot give that order (one field ascending,
		 * alone or then {@code _id} ascending: the index orders the documents of one
		 * value by their ids).
		 */
		private QueryResult firstInOrder(SecondaryIndex index, Document query, Document orderBy, int numberToSkip,
				int limit, int batchSize, Document fieldSelector) {
			if (orderBy == null || orderBy.isEmpty() || orderBy.size() > 2
					|| !orderBy.values().stream().allMatch((direction) -> ascending(direction))) {
				return null;
			}
			List<String> fields = new java.util.ArrayList<>(orderBy.keySet());
			if (fields.size() == 2 && !(fields.get(1).equals("_id") && "_id".equals(getIdField())
					&& index.isLastField(fields.get(0)))) {
				return null;
			}
			java.util.Iterator<Object> ordered = index.ordered(query, fields.get(0));
			if (ordered == null) {
				return null;
			}
			List<Object> page = new java.util.ArrayList<>();
			Set<Object> seen = new java.util.HashSet<>();
			long examined = 0;
			while (ordered.hasNext() && page.size() < numberToSkip + limit) {
				Object position = ordered.next();
				if (!seen.add(position)) {
					continue;
				}
				Document document = getDocument(position);
				examined++;
				if (document != null && documentMatchesQuery(document, query)) {
					page.add(position);
				}
			}
			this.changes.read(this.namespace, examined - page.size());
			return matchDocuments(query, page, orderBy, numberToSkip, limit, batchSize, fieldSelector);
		}

		private static boolean ascending(Object direction) {
			return direction instanceof Number number && number.doubleValue() == 1;
		}

		/**
		 * Counted from a secondary index alone when one answers the whole query (plain
		 * values or {@code $in} lists on its leading fields, nothing else); otherwise by
		 * reading the documents.
		 */
		@Override
		public int count(Document query, int skip, int limit) {
			if (query != null && "_id".equals(getIdField()) && !query.containsKey("_id")) {
				for (Index<Object> index : getIndexes()) {
					if (index instanceof SecondaryIndex secondary) {
						long counted = secondary.countAnswered(query);
						if (counted >= 0) {
							long left = Math.max(0, counted - Math.max(skip, 0));
							return (int) ((limit > 0) ? Math.min(left, limit) : left);
						}
					}
				}
			}
			return super.count(query, skip, limit);
		}

		@Override
		protected void removeDocument(Object position) {
			super.removeDocument(position);
			if (this.journaled) {
				this.changes.changed(this.namespace, position, null);
			}
		}

		@Override
		protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
				int batchSize, Document fieldSelector) {
			Object id = query.get("_id");
			// Only ids that equal exactly what they are stored under (numbers may
			// equal one of another type, operators match many).
			if (query.size() > 1 && "_id".equals(getIdField()) && (id instanceof String || id instanceof ObjectId)) {
				List<Object> positions = (super.getDocument(id) != null) ? List.of(id) : List.of();
				return matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
			}
			// A list of such ids, with more fields or not: each looked up.
			if ("_id".equals(getIdField()) && id instanceof Document operators && operators.size() == 1
					&& operators.get("$in") instanceof java.util.Collection<?> ids
					&& ids.stream().allMatch((one) -> one instanceof String || one instanceof ObjectId)) {
				List<Object> positions = new java.util.ArrayList<>();
				for (Object one : new java.util.LinkedHashSet<>(ids)) {
					if (super.getDocument(one) != null) {
						positions.add(one);
					}
				}
				return matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
			}
			if (id == null) {
				// The secondary index that narrows the read most, if any.
				SecondaryIndex best = null;
				int bestFields = 0;
				for (Index<Object> index : getIndexes()) {
					if (index instanceof SecondaryIndex secondary) {
						int fields = secondary.usableFields(query);
						if (fields > bestFields) {
							best = secondary;
							bestFields = fields;
						}
					}
				}
				if (best != null) {
					QueryResult page = (limit > 0)
							? firstInOrder(best, query, orderBy, numberToSkip, limit, batchSize, fieldSelector) : null;
					if (page != null) {
						return page;
					}
					return matchDocuments(query, best.getPositions(query), orderBy, numberToSkip, limit, batchSize,
							fieldSelector);
				}
			}
			return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
		}

	}

}
