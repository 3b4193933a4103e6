package org.waystation.local;

import java.util.List;

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
 * {@link ChangeLog} (the store's journal), and finding a document by its {@code _id} when
 * the query names the {@code _id} and more fields. The server uses an index only for a
 * query on exactly that index's fields, so an update guarded by a version or a status
 * ({@code {_id, version}}), the most common write of the services, read every document of
 * its collection: its cost grew with the collection. Here the document with that
 * {@code _id} is looked up, then matched against the whole query as before, so the answer
 * is the same and costs the same at any size; MongoDB itself plans such a query on its
 * {@code _id} index.
 */
final class IdLookupStore {

	/**
	 * The store and change log of the database being opened: H2's database opens its
	 * collections from its constructor, before a subclass could keep them in fields.
	 */
	private static final ThreadLocal<Opening> OPENING = new ThreadLocal<>();

	private record Opening(MVStore store, ChangeLog changes) {

	}

	/** Where the collections report what changes. */
	interface ChangeLog {

		/**
		 * A document was written ({@code document} is its new state) or removed
		 * ({@code document} is null). Called while its collection is locked.
		 */
		void changed(String namespace, Object id, Document document);

		/** A collection (or a database) was created. */
		void createdCollection();

	}

	/** H2's name for a collection's map of metadata. */
	private static final String META_PREFIX = "meta.";

	private IdLookupStore() {
	}

	static MongoDatabase database(String name, MVStore store, CursorRegistry cursors, ChangeLog changes) {
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

		private final ChangeLog changes;

		Database(String name, MVStore store, CursorRegistry cursors, ChangeLog changes) {
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

		/** Its store and change log, also while its constructor runs. */
		private Opening opening() {
			return (this.store != null) ? new Opening(this.store, this.changes) : OPENING.get();
		}

	}

	private static final class Collection extends H2Collection {

		private final ChangeLog changes;

		/**
		 * Changes of documents are journaled; the server's own collections change with
		 * the schema.
		 */
		private final boolean journaled;

		private final String namespace;

		Collection(MongoDatabase database, String name, CollectionOptions options,
				org.h2.mvstore.MVMap<Object, Document> documents, org.h2.mvstore.MVMap<String, Object> meta,
				CursorRegistry cursors, ChangeLog changes) {
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

		@Override
		protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
			super.handleUpdate(position, oldDocument, newDocument);
			if (this.journaled) {
				this.changes.changed(this.namespace, newDocument.get("_id"), newDocument);
			}
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
				List<Object> positions = (getDocument(id) != null) ? List.of(id) : List.of();
				return matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
			}
			return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
		}

	}

}
