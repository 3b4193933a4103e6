package org.waystation.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * How the embedded store keeps documents in the H2 file: as BSON, compared by MongoDB's
 * order of values. H2's default type writes every object it does not know with Java
 * serialisation, and compares such keys by serialising both sides: at 50 appeals a
 * second, half of the store's time went into serialising documents at checkpoints and
 * index keys at every lookup. A store written by an earlier version is converted once
 * when it opens.
 */
final class StoreFormat {

	/** The map that names the format of the file. */
	private static final String FORMAT_MAP = "waystation.format";

	private static final String VERSION = "bson-1";

	/**
	 * H2's backend names the map of a collection's documents
	 * {@code databases.<db>.<collection>}.
	 */
	static final String DOCUMENTS_PREFIX = "databases.";

	/** The maps of unique indexes kept in this format. */
	private static final String INDEX_PREFIX = "index.";

	/**
	 * H2's backend named the maps of its unique indexes
	 * {@code <db>.<collection>._index_<name>}.
	 */
	private static final String OLD_INDEX_MARK = "._index_";

	private static final ValueComparator ORDER = ValueComparator.asc();

	private StoreFormat() {
	}

	/**
	 * MongoDB's order of two values, as mongo-java-server compares them; two strings
	 * (most ids and indexed values) directly, as it does in the end.
	 */
	static int order(Object one, Object other) {
		if (one instanceof String text && other instanceof String otherText) {
			return text.compareTo(otherText);
		}
		// The other types index keys hold most (dates, whole numbers, flags), compared as
		// mongo-java-server compares two values of one of them, without its walk through
		// the order of types, which made two dates take about 50 times as long to
		// compare.
		if (one instanceof Instant instant && other instanceof Instant otherInstant) {
			return instant.compareTo(otherInstant);
		}
		if (one instanceof Boolean flag && other instanceof Boolean otherFlag) {
			return Boolean.compare(flag, otherFlag);
		}
		if ((one instanceof Integer || one instanceof Long) && (other instanceof Integer || other instanceof Long)) {
			return Long.compare(((Number) one).longValue(), ((Number) other).longValue());
		}
		return ORDER.compare(one, other);
	}

	/** A collection's documents by their id. */
	static MVMap<Object, Document> documents(MVStore store, String namespace) {
		return store.openMap(DOCUMENTS_PREFIX + namespace,
				new MVMap.Builder<Object, Document>().keyType(IdType.INSTANCE).valueType(DocumentType.INSTANCE));
	}

	/**
	 * Converts a store written by an earlier version: documents are read with H2's
	 * default type and written again as BSON; the unique indexes, which the server fills
	 * again from the documents, are dropped.
	 */
	static void convert(MVStore store) {
		MVMap<String, String> format = store.openMap(FORMAT_MAP);
		if (VERSION.equals(format.get("version"))) {
			return;
		}
		for (String name : List.copyOf(store.getMapNames())) {
			if (name.startsWith(DOCUMENTS_PREFIX)) {
				MVMap<Object, Object> old = store.openMap(name);
				List<Map.Entry<Object, Object>> entries = new ArrayList<>(old.entrySet());
				store.removeMap(old);
				MVMap<Object, Document> converted = documents(store, name.substring(DOCUMENTS_PREFIX.length()));
				for (Map.Entry<Object, Object> entry : entries) {
					converted.put(entry.getKey(), (Document) entry.getValue());
				}
			}
			else if (name.contains(OLD_INDEX_MARK) && !name.startsWith(INDEX_PREFIX)) {
				store.removeMap(store.openMap(name));
			}
		}
		format.put("version", VERSION);
		store.commit();
	}

	/**
	 * A unique index in a map of the H2 file, its keys written as BSON and compared in
	 * MongoDB's order.
	 */
	static final class UniqueIndex extends AbstractUniqueIndex<Object> {

		private final MVStore store;

		private final MVMap<KeyValue, Object> positions;

		UniqueIndex(MVStore store, String namespace, String name, List<IndexKey> keys, boolean sparse) {
			super(name, keys, sparse);
			this.store = store;
			this.positions = store.openMap(INDEX_PREFIX + namespace + "." + name,
					new MVMap.Builder<KeyValue, Object>().keyType(KeyType.INSTANCE).valueType(IdType.INSTANCE));
		}

		@Override
		protected Object removeDocument(KeyValue key) {
			return this.positions.remove(key);
		}

		@Override
		protected boolean putKeyPosition(KeyValue key, Object position) {
			return this.positions.putIfAbsent(key, position) == null;
		}

		@Override
		protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
			return this.positions.entrySet();
		}

		@Override
		protected Object getPosition(KeyValue key) {
			return this.positions.get(key);
		}

		@Override
		public long getCount() {
			return this.positions.sizeAsLong();
		}

		@Override
		public long getDataSize() {
			return getCount();
		}

		@Override
		public void drop() {
			this.store.removeMap(this.positions);
		}

	}

	/** A document's id (or the marker of a missing one), in MongoDB's order. */
	static final class IdType extends BasicDataType<Object> {

		static final IdType INSTANCE = new IdType();

		@Override
		public int compare(Object one, Object other) {
			return order(one, other);
		}

		@Override
		public int getMemory(Object id) {
			return (id instanceof String text) ? 40 + 2 * text.length() : 48;
		}

		@Override
		public void write(WriteBuffer buffer, Object id) {
			if (id instanceof Missing) {
				buffer.putVarInt(0);
				return;
			}
			if (id instanceof String text) {
				writeStringId(buffer, text);
				return;
			}
			writeBson(buffer, new Document("v", id));
		}

		@Override
		public Object read(ByteBuffer buffer) {
			Document wrapped = readBson(buffer);
			return (wrapped == null) ? Missing.getInstance() : wrapped.get("v");
		}

		@Override
		public Object[] createStorage(int size) {
			return new Object[size];
		}

	}

	/** A unique index's key: the values of its fields, in MongoDB's order. */
	static final class KeyType extends BasicDataType<KeyValue> {

		static final KeyType INSTANCE = new KeyType();

		@Override
		public int compare(KeyValue one, KeyValue other) {
			int size = Math.min(one.size(), other.size());
			for (int i = 0; i < size; i++) {
				int order = order(one.get(i), other.get(i));
				if (order != 0) {
					return order;
				}
			}
			return Integer.compare(one.size(), other.size());
		}

		@Override
		public int getMemory(KeyValue key) {
			return 48 + 32 * key.size();
		}

		@Override
		public void write(WriteBuffer buffer, KeyValue key) {
			if (writeScalars(buffer, key)) {
				return;
			}
			List<Object> values = new ArrayList<>();
			List<Boolean> missing = new ArrayList<>();
			for (Object value : key) {
				missing.add(value instanceof Missing);
				values.add((value instanceof Missing) ? null : value);
			}
			writeBson(buffer, new Document("v", values).append("m", missing));
		}

		@Override
		@SuppressWarnings("unchecked")
		public KeyValue read(ByteBuffer buffer) {
			Document document = readBson(buffer);
			List<Object> values = new ArrayList<>((Collection<Object>) document.get("v"));
			List<Boolean> missing = (List<Boolean>) document.get("m");
			for (int i = 0; i < values.size(); i++) {
				if (Boolean.TRUE.equals(missing.get(i))) {
					values.set(i, Missing.getInstance());
				}
			}
			return new KeyValue(values);
		}

		@Override
		public KeyValue[] createStorage(int size) {
			return new KeyValue[size];
		}

	}

	/** A document, as BSON. */
	static final class DocumentType extends BasicDataType<Document> {

		static final DocumentType INSTANCE = new DocumentType();

		@Override
		public int getMemory(Document document) {
			return estimate(document);
		}

		@Override
		public void write(WriteBuffer buffer, Document document) {
			writeBson(buffer, document);
		}

		@Override
		public Document read(ByteBuffer buffer) {
			return readBson(buffer);
		}

		@Override
		public Document[] createStorage(int size) {
			return new Document[size];
		}

		/** About how much heap a value takes, without encoding it. */
		private static int estimate(Object value) {
			if (value instanceof Map<?, ?> map) {
				int size = 64;
				for (Map.Entry<?, ?> entry : map.entrySet()) {
					size += 48 + estimate(entry.getKey()) + estimate(entry.getValue());
				}
				return size;
			}
			if (value instanceof Collection<?> values) {
				int size = 48;
				for (Object each : values) {
					size += 8 + estimate(each);
				}
				return size;
			}
			if (value instanceof String text) {
				return 40 + 2 * text.length();
			}
			if (value instanceof byte[] bytes) {
				return 16 + bytes.length;
			}
			return 24;
		}

	}

	/**
	 * One buffer per thread for encoding: a checkpoint encodes every entry of every page
	 * it writes, and a new buffer for each took about a twentieth of its time.
	 */
	private static final ThreadLocal<ByteBuf> ENCODING = ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

	private static void writeBson(WriteBuffer buffer, Document document) {
		ByteBuf encoded = ENCODING.get().clear();
		BsonEncoder.encodeDocument(document, encoded);
		copyOut(buffer, encoded);
	}

	/**
	 * What was encoded, after its length; a rare large document does not keep its buffer
	 * for the life of the thread.
	 */
	private static void copyOut(WriteBuffer buffer, ByteBuf encoded) {
		buffer.putVarInt(encoded.readableBytes());
		buffer.put(encoded.array(), encoded.arrayOffset() + encoded.readerIndex(), encoded.readableBytes());
		if (encoded.capacity() > 1024 * 1024) {
			ENCODING.remove();
		}
	}

	/**
	 * Writes a key whose values are all strings, dates, whole numbers, flags or missing
	 * as {@link KeyType} writes it through a document, byte for byte: {@code {v:
	 * [values], m: [missing flags]}}. Index keys are most of what a checkpoint writes.
	 * False, having written nothing, for a key with any other value.
	 */
	static boolean writeScalars(WriteBuffer buffer, KeyValue key) {
		for (Object value : key) {
			if (!(value == null || value instanceof Missing || value instanceof String || value instanceof Instant
					|| value instanceof Boolean || value instanceof Integer || value instanceof Long)) {
				return false;
			}
		}
		ByteBuf encoded = ENCODING.get().clear();
		encoded.writeIntLE(0);
		element(encoded, 0x04, V);
		int values = encoded.writerIndex();
		encoded.writeIntLE(0);
		int index = 0;
		for (Object value : key) {
			byte[] name = position(index++);
			if (value == null || value instanceof Missing) {
				element(encoded, 0x0A, name);
			}
			else if (value instanceof String text) {
				element(encoded, 0x02, name);
				string(encoded, text);
			}
			else if (value instanceof Instant instant) {
				element(encoded, 0x09, name).writeLongLE(instant.toEpochMilli());
			}
			else if (value instanceof Boolean flag) {
				element(encoded, 0x08, name).writeByte(flag ? 1 : 0);
			}
			else if (value instanceof Integer number) {
				element(encoded, 0x10, name).writeIntLE(number);
			}
			else {
				element(encoded, 0x12, name).writeLongLE((Long) value);
			}
		}
		encoded.writeByte(0);
		encoded.setIntLE(values, encoded.writerIndex() - values);
		element(encoded, 0x04, M);
		int missing = encoded.writerIndex();
		encoded.writeIntLE(0);
		index = 0;
		for (Object value : key) {
			element(encoded, 0x08, position(index++)).writeByte((value instanceof Missing) ? 1 : 0);
		}
		encoded.writeByte(0);
		encoded.setIntLE(missing, encoded.writerIndex() - missing);
		encoded.writeByte(0);
		encoded.setIntLE(0, encoded.writerIndex());
		copyOut(buffer, encoded);
		return true;
	}

	private static final byte[] V = { 'v' };

	private static final byte[] M = { 'm' };

	/** The names of an array's first elements: "0", "1", ... */
	private static final byte[][] POSITIONS = new byte[32][];

	static {
		for (int i = 0; i < POSITIONS.length; i++) {
			POSITIONS[i] = Integer.toString(i).getBytes(StandardCharsets.US_ASCII);
		}
	}

	private static byte[] position(int index) {
		return (index < POSITIONS.length) ? POSITIONS[index]
				: Integer.toString(index).getBytes(StandardCharsets.US_ASCII);
	}

	/** A BSON element's type and name (its bytes and a terminating zero). */
	private static ByteBuf element(ByteBuf encoded, int type, byte[] name) {
		return encoded.writeByte(type).writeBytes(name).writeByte(0);
	}

	/** A BSON string: its length with the terminator, its UTF-8 bytes, a zero. */
	private static void string(ByteBuf encoded, String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		encoded.writeIntLE(bytes.length + 1).writeBytes(bytes).writeByte(0);
	}

	/**
	 * Writes a string id as {@link #writeBson} writes {@code {v: id}}, byte for byte,
	 * without building a document: ids are most of the keys a checkpoint writes.
	 */
	static void writeStringId(WriteBuffer buffer, String id) {
		ByteBuf encoded = ENCODING.get().clear();
		encoded.writeIntLE(0);
		element(encoded, 0x02, V);
		string(encoded, id);
		encoded.writeByte(0);
		encoded.setIntLE(0, encoded.writerIndex());
		copyOut(buffer, encoded);
	}

	/** A BSON document, or null where a missing id was written. */
	private static Document readBson(ByteBuffer buffer) {
		int length = DataUtils.readVarInt(buffer);
		if (length == 0) {
			return null;
		}
		ByteBuf bytes = Unpooled.wrappedBuffer(buffer.slice(buffer.position(), length));
		buffer.position(buffer.position() + length);
		return BsonDecoder.decodeBson(bytes);
	}

}
