package org.waystation.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A non-unique index of the embedded store (mongo-java-server accepts them and ignores
 * them, so every query on such a field read the whole collection). Kept in a map of the
 * H2 file: each key is the indexed values of a document followed by its id, in MongoDB's
 * order. A query is answered from the index when it names the index's first fields: by
 * plain values or {@code $in} lists, and then a range ({@code $gt}, {@code $gte},
 * {@code $lt}, {@code $lte}) on the next one. The index only narrows the documents to
 * read; each of them is still matched against the whole query, so the answer is the same
 * as without it.
 */
final class SecondaryIndex extends Index<Object> {

	/** The maps of these indexes. */
	static final String PREFIX = "index2.";

	/**
	 * More prefixes than this from {@code $in} lists, and only the first field is used.
	 */
	private static final int MAX_PREFIXES = 64;

	private final MVStore store;

	private final MVMap<KeyValue, Boolean> entries;

	SecondaryIndex(MVStore store, String namespace, String name, List<IndexKey> keys, boolean sparse) {
		super(name, keys, sparse);
		this.store = store;
		this.entries = store.openMap(PREFIX + namespace + "." + name,
				new MVMap.Builder<KeyValue, Boolean>().keyType(StoreFormat.KeyType.INSTANCE)
					.valueType(BooleanType.INSTANCE));
	}

	/** The index's entries for a document: one per value of an indexed array. */
	private List<KeyValue> keysOf(Document document, Object position) {
		if (isSparse() && keys().stream().noneMatch(document::containsKey)) {
			return List.of();
		}
		Set<KeyValue> found = getKeyValues(document);
		if (found.isEmpty()) {
			// An empty array gives no values to combine: the document is still entered,
			// under null, so that a read of the fields before it finds the document.
			Document copy = new Document(document);
			keys().forEach((field) -> emptyArrayToNull(copy, field.split("\\."), 0));
			found = getKeyValues(copy);
		}
		List<KeyValue> keys = new ArrayList<>();
		for (KeyValue values : found) {
			List<Object> key = new ArrayList<>(values.size() + 1);
			values.forEach(key::add);
			key.add(position);
			keys.add(new KeyValue(key));
		}
		return keys;
	}

	private static void emptyArrayToNull(Document document, String[] path, int at) {
		Object value = document.get(path[at]);
		if (at == path.length - 1) {
			if (value instanceof Collection<?> values && values.isEmpty()) {
				document.put(path[at], null);
			}
		}
		else if (value instanceof Document inner) {
			Document copy = new Document(inner);
			document.put(path[at], copy);
			emptyArrayToNull(copy, path, at + 1);
		}
	}

	@Override
	public Object getPosition(Document document) {
		// Not unique: no document is found by its values alone.
		return null;
	}

	@Override
	public void checkAdd(Document document, MongoCollection<Object> collection) {
		// Not unique: any document may be added.
	}

	@Override
	public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
		for (KeyValue key : keysOf(document, position)) {
			this.entries.put(key, Boolean.TRUE);
		}
	}

	@Override
	public synchronized Object remove(Document document) {
		Object position = document.get("_id");
		for (KeyValue key : keysOf(document, position)) {
			this.entries.remove(key);
		}
		return position;
	}

	@Override
	public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
		// Not unique: any change is allowed.
	}

	@Override
	public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
			MongoCollection<Object> collection) {
		List<KeyValue> before = keysOf(oldDocument, position);
		List<KeyValue> after = keysOf(newDocument, position);
		if (!before.equals(after)) {
			before.forEach(this.entries::remove);
			after.forEach((key) -> this.entries.put(key, Boolean.TRUE));
		}
	}

	/**
	 * How many leading fields of the index the query narrows; 0 when it cannot be used.
	 */
	int usableFields(Document query) {
		return plan(query).fields();
	}

	@Override
	public boolean canHandle(Document query) {
		return usableFields(query) > 0;
	}

	@Override
	public synchronized Iterable<Object> getPositions(Document query) {
		Plan plan = plan(query);
		Set<Object> positions = new LinkedHashSet<>();
		for (List<Object> prefix : plan.prefixes()) {
			List<Object> start = with(prefix, plan.low());
			// A range with only an upper bound on the first field reads from the start.
			Cursor<KeyValue, Boolean> cursor = this.entries.cursor(start.isEmpty() ? null : new KeyValue(start));
			while (cursor.hasNext()) {
				KeyValue key = cursor.next();
				if (!startsWith(key, prefix)) {
					break;
				}
				if (plan.ranged()) {
					Object value = key.get(prefix.size());
					if (plan.low() != null) {
						int order = StoreFormat.order(value, plan.low());
						if (order < 0 || (order == 0 && !plan.lowIncluded())) {
							continue;
						}
					}
					if (plan.high() != null) {
						int order = StoreFormat.order(value, plan.high());
						if (order > 0 || (order == 0 && !plan.highIncluded())) {
							break;
						}
					}
				}
				positions.add(key.get(key.size() - 1));
			}
		}
		return positions;
	}

	/**
	 * The positions of the documents the query may match, in the order of one field of
	 * the index: when the query names the leading fields by plain values or {@code $in}
	 * lists, the entries of each value are merged in that field's order, read only as far
	 * as the caller goes. Fields between those named and the one ordered by are read
	 * value by value (a department's cases in every status, by deadline), up to
	 * {@value #MAX_PREFIXES} runs. A document with entries in several runs (an array's
	 * values) may come more than once. Null when the index cannot give that order.
	 */
	Iterator<Object> ordered(Document query, String field) {
		Plan plan = plan(query);
		int length = keys().indexOf(field);
		if (plan.fields() == 0 || plan.ranged() || length < plan.fields()) {
			return null;
		}
		List<List<Object>> prefixes = plan.prefixes();
		for (int level = plan.fields(); level < length && prefixes != null; level++) {
			prefixes = withNextValues(prefixes);
		}
		if (prefixes == null) {
			return null;
		}
		java.util.PriorityQueue<Head> heads = new java.util.PriorityQueue<>((one, other) -> StoreFormat.KeyType.INSTANCE
			.compare(suffix(one.key(), length), suffix(other.key(), length)));
		for (List<Object> prefix : prefixes) {
			Cursor<KeyValue, Boolean> cursor = this.entries.cursor(new KeyValue(prefix));
			Head first = Head.next(cursor, prefix);
			if (first != null) {
				heads.add(first);
			}
		}
		return new Iterator<>() {

			@Override
			public boolean hasNext() {
				return !heads.isEmpty();
			}

			@Override
			public Object next() {
				Head head = heads.poll();
				Head after = Head.next(head.cursor(), head.prefix());
				if (after != null) {
					heads.add(after);
				}
				return head.key().get(head.key().size() - 1);
			}

		};
	}

	/**
	 * Each prefix followed by each value the next field has under it, found by one seek
	 * per value; null when they are more than {@value #MAX_PREFIXES}.
	 */
	private List<List<Object>> withNextValues(List<List<Object>> prefixes) {
		List<List<Object>> longer = new ArrayList<>();
		for (List<Object> prefix : prefixes) {
			KeyValue key = this.entries.ceilingKey(new KeyValue(prefix));
			while (key != null && startsWith(key, prefix)) {
				List<Object> extended = new ArrayList<>(prefix);
				extended.add(key.get(prefix.size()));
				longer.add(extended);
				if (longer.size() > MAX_PREFIXES) {
					return null;
				}
				// Past every entry of this value: nothing sorts after MaxKey.
				List<Object> past = new ArrayList<>(extended);
				past.add(MaxKey.getInstance());
				key = this.entries.ceilingKey(new KeyValue(past));
			}
		}
		return longer;
	}

	/** Whether the field is the index's last: its entries of one value follow by id. */
	boolean isLastField(String field) {
		return keys().get(keys().size() - 1).equals(field);
	}

	/**
	 * How many documents match a query this index answers whole, counted from its entries
	 * without reading a document: the query names the index's leading fields by plain
	 * values or {@code $in} lists and nothing else. A document with several entries (an
	 * array's values) counts once. -1 when the index cannot answer it alone.
	 */
	synchronized long countAnswered(Document query) {
		Map<String, Object> conditions = onlyFields(query) ? conditions(query) : null;
		if (conditions == null) {
			return -1;
		}
		Plan plan = plan(query);
		if (plan.fields() == 0 || plan.ranged() || plan.fields() != conditions.size()) {
			return -1;
		}
		// The same entries a read would take, each document once.
		long counted = 0;
		for (Object position : getPositions(query)) {
			counted++;
		}
		return counted;
	}

	/** Whether a query only names fields, alone or under {@code $and}. */
	private static boolean onlyFields(Document query) {
		for (Map.Entry<String, Object> entry : query.entrySet()) {
			if (entry.getKey().equals("$and") && entry.getValue() instanceof List<?> parts) {
				for (Object part : parts) {
					if (!(part instanceof Document document) || !onlyFields(document)) {
						return false;
					}
				}
			}
			else if (entry.getKey().startsWith("$")) {
				return false;
			}
		}
		return true;
	}

	private static KeyValue suffix(KeyValue key, int from) {
		List<Object> values = new ArrayList<>();
		for (int i = from; i < key.size(); i++) {
			values.add(key.get(i));
		}
		return new KeyValue(values);
	}

	/** The next entry of one value's run, or null at its end. */
	private record Head(KeyValue key, Cursor<KeyValue, Boolean> cursor, List<Object> prefix) {

		static Head next(Cursor<KeyValue, Boolean> cursor, List<Object> prefix) {
			if (!cursor.hasNext()) {
				return null;
			}
			KeyValue key = cursor.next();
			return startsWith(key, prefix) ? new Head(key, cursor, prefix) : null;
		}

	}

	private static List<Object> with(List<Object> prefix, Object low) {
		if (low == null) {
			return prefix;
		}
		List<Object> values = new ArrayList<>(prefix);
		values.add(low);
		return values;
	}

	private static boolean startsWith(KeyValue key, List<Object> prefix) {
		for (int i = 0; i < prefix.size(); i++) {
			if (StoreFormat.order(key.get(i), prefix.get(i)) != 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Which values of the leading fields to read, and the range of the next field.
	 *
	 * @param fields how many fields narrow the read (0: the index cannot be used)
	 */
	private record Plan(int fields, List<List<Object>> prefixes, boolean ranged, Object low, boolean lowIncluded,
			Object high, boolean highIncluded) {

		static final Plan NONE = new Plan(0, List.of(), false, null, false, null, false);

	}

	private Plan plan(Document query) {
		Map<String, Object> conditions = conditions(query);
		if (conditions == null) {
			return Plan.NONE;
		}
		List<List<Object>> prefixes = new ArrayList<>();
		prefixes.add(List.of());
		int fields = 0;
		for (String field : keys()) {
			if (!conditions.containsKey(field)) {
				break;
			}
			List<Object> values = equalValues(conditions.get(field));
			if (values != null && !values.isEmpty()) {
				if ((long) prefixes.size() * values.size() > MAX_PREFIXES) {
					break;
				}
				List<List<Object>> longer = new ArrayList<>();
				for (List<Object> prefix : prefixes) {
					for (Object value : values) {
						List<Object> extended = new ArrayList<>(prefix);
						extended.add(value);
						longer.add(extended);
					}
				}
				prefixes = longer;
				fields++;
				continue;
			}
			Plan range = range(conditions.get(field), prefixes, fields);
			return (range != null) ? range : (fields == 0) ? Plan.NONE : equalOnly(prefixes, fields);
		}
		return (fields == 0) ? Plan.NONE : equalOnly(prefixes, fields);
	}

	/**
	 * Each field's condition, those under a top-level {@code $and} included (a field
	 * named twice with operators has them merged, as the Java driver writes a range);
	 * null when the query cannot be read field by field ({@code $or}, a field named twice
	 * otherwise).
	 */
	private static Map<String, Object> conditions(Document query) {
		Map<String, Object> conditions = new java.util.LinkedHashMap<>();
		return collect(query, conditions) ? conditions : null;
	}

	private static boolean collect(Document query, Map<String, Object> conditions) {
		for (Map.Entry<String, Object> entry : query.entrySet()) {
			String field = entry.getKey();
			if (field.equals("$and") && entry.getValue() instanceof List<?> parts) {
				for (Object part : parts) {
					if (!(part instanceof Document document) || !collect(document, conditions)) {
						return false;
					}
				}
				continue;
			}
			if (field.startsWith("$")) {
				// $or, $nor, $expr and the like: the whole read decides.
				continue;
			}
			Object condition = entry.getValue();
			Object earlier = conditions.get(field);
			if (earlier == null) {
				conditions.put(field, condition);
			}
			else if (earlier instanceof Document before && condition instanceof Document after
					&& before.keySet().stream().allMatch((key) -> key.startsWith("$"))
					&& after.keySet().stream().allMatch((key) -> key.startsWith("$"))
					&& after.keySet().stream().noneMatch(before::containsKey)) {
				Document merged = new Document(before);
				merged.putAll(after);
				conditions.put(field, merged);
			}
			else {
				conditions.remove(field);
				conditions.put(field, UNUSABLE);
			}
		}
		return true;
	}

	/** The condition of a field named twice in ways that cannot be merged. */
	private static final Object UNUSABLE = new Object();

	private static Plan equalOnly(List<List<Object>> prefixes, int fields) {
		return new Plan(fields, prefixes, false, null, false, null, false);
	}

	/** A range on the field after the prefixes, or null when the condition is not one. */
	private static Plan range(Object condition, List<List<Object>> prefixes, int fields) {
		if (!(condition instanceof Document operators) || operators.isEmpty()) {
			return null;
		}
		Object low = null;
		Object high = null;
		boolean lowIncluded = false;
		boolean highIncluded = false;
		for (Map.Entry<String, Object> operator : operators.entrySet()) {
			if (!indexable(operator.getValue())) {
				return null;
			}
			switch (operator.getKey()) {
				case "$gt" -> low = operator.getValue();
				case "$gte" -> {
					low = operator.getValue();
					lowIncluded = true;
				}
				case "$lt" -> high = operator.getValue();
				case "$lte" -> {
					high = operator.getValue();
					highIncluded = true;
				}
				default -> {
					return null;
				}
			}
		}
		return new Plan(fields + 1, prefixes, true, low, lowIncluded, high, highIncluded);
	}

	/**
	 * The values a condition asks a field to equal (a plain value, {@code $eq} or
	 * {@code $in}), or null when it asks something else. Null, arrays and documents are
	 * left to the full read: their matching rules are MongoDB's own.
	 */
	private static List<Object> equalValues(Object condition) {
		if (indexable(condition)) {
			return List.of(condition);
		}
		if (condition instanceof Document operators && operators.size() == 1) {
			Object eq = operators.get("$eq");
			if (indexable(eq)) {
				return List.of(eq);
			}
			Object in = operators.get("$in");
			if (in instanceof Collection<?> values && values.stream().allMatch(SecondaryIndex::indexable)) {
				return List.copyOf(new LinkedHashSet<>(values));
			}
		}
		return null;
	}

	private static boolean indexable(Object value) {
		return value instanceof String || value instanceof Number || value instanceof Boolean
				|| value instanceof ObjectId || value instanceof Instant || value instanceof Date
				|| value instanceof UUID;
	}

	@Override
	public long getCount() {
		return this.entries.sizeAsLong();
	}

	@Override
	public long getDataSize() {
		return getCount();
	}

	@Override
	public void drop() {
		this.store.removeMap(this.entries);
	}

	/** The marker stored with each entry: the key is all there is. */
	static final class BooleanType extends org.h2.mvstore.type.BasicDataType<Boolean> {

		static final BooleanType INSTANCE = new BooleanType();

		@Override
		public int getMemory(Boolean value) {
			return 0;
		}

		@Override
		public void write(org.h2.mvstore.WriteBuffer buffer, Boolean value) {
			// Nothing to write: the value is always true.
		}

		@Override
		public Boolean read(java.nio.ByteBuffer buffer) {
			return Boolean.TRUE;
		}

		@Override
		public Boolean[] createStorage(int size) {
			return new Boolean[size];
		}

	}

}
