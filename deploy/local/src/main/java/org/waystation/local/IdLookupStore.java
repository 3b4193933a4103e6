package org.waystation.local;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 collections, finding a document by its {@code _id} when the
 * query names the {@code _id} and more fields. The server uses an index only for a query
 * on exactly that index's fields, so an update guarded by a version or a status
 * ({@code {_id, version}}), the most common write of the services, read every document of
 * its collection: its cost grew with the collection. Here the document with that
 * {@code _id} is looked up, then matched against the whole query as before, so the answer
 * is the same and costs the same at any size; MongoDB itself plans such a query on its
 * {@code _id} index.
 */
final class IdLookupStore {

	/**
	 * The store of the database being opened: H2's database opens its collections from
	 * its constructor, before a subclass could keep the store in a field.
	 */
	private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

	/** H2's names for a collection's maps of documents and of metadata. */
	private static final String DOCUMENTS_PREFIX = "databases.";

	private static final String META_PREFIX = "meta.";

	private IdLookupStore() {
	}

	static MongoDatabase database(String name, MVStore store, CursorRegistry cursors) {
		OPENING.set(store);
		try {
			return new Database(name, store, cursors);
		}
		finally {
			OPENING.remove();
		}
	}

	private static final class Database extends H2Database {

		private final MVStore store;

		Database(String name, MVStore store, CursorRegistry cursors) {
			super(name, store, cursors);
			this.store = store;
		}

		@Override
		protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
			MVStore mvStore = (this.store != null) ? this.store : OPENING.get();
			String namespace = getFullCollectionNamespace(collectionName);
			return new Collection(this, collectionName, options, mvStore.openMap(DOCUMENTS_PREFIX + namespace),
					mvStore.openMap(META_PREFIX + namespace), this.cursorRegistry);
		}

	}

	private static final class Collection extends H2Collection {

		Collection(MongoDatabase database, String name, CollectionOptions options,
				org.h2.mvstore.MVMap<Object, Document> documents, org.h2.mvstore.MVMap<String, Object> meta,
				CursorRegistry cursors) {
			super(database, name, options, documents, meta, cursors);
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
