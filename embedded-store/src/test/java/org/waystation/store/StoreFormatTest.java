package org.waystation.store;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The file format's short cuts give what the general path gives: string ids are written
 * byte for byte as the BSON encoder writes them (so files written before and after read
 * the same), and values are ordered as mongo-java-server orders them.
 */
class StoreFormatTest {

	@Test
	void writesAStringIdAsTheBsonEncoderWouldAndReadsItBack() {
		for (String id : List.of("", "a", UUID.randomUUID().toString(), "诉求-2026-工资", "emoji 😀 id", "x".repeat(300))) {
			WriteBuffer written = new WriteBuffer();
			StoreFormat.IdType.INSTANCE.write(written, id);
			ByteBuffer bytes = written.getBuffer().flip();

			ByteBuffer copy = bytes.duplicate();
			int length = DataUtils.readVarInt(copy);
			byte[] body = new byte[length];
			copy.get(body);
			assertThat(body).as(id).isEqualTo(bsonOf(new Document("v", id)));
			assertThat(StoreFormat.IdType.INSTANCE.read(bytes)).isEqualTo(id);
		}
	}

	@Test
	void writesAnIndexKeyOfScalarsAsTheBsonEncoderWouldAndReadsItBack() {
		Random random = new Random(7);
		List<Object> choices = List.of("HRSS", "处理中", "", Missing.getInstance(),
				Instant.parse("2026-12-07T08:30:00.123Z"), Instant.ofEpochMilli(-5), true, false, 42, -7,
				Long.MAX_VALUE, 3_000_000_000L);
		for (int i = 0; i < 200; i++) {
			List<Object> values = new ArrayList<>();
			for (int n = 1 + random.nextInt(12); n > 0; n--) {
				values.add(choices.get(random.nextInt(choices.size())));
			}
			KeyValue key = new KeyValue(values);
			WriteBuffer fast = new WriteBuffer();
			assertThat(StoreFormat.writeScalars(fast, key)).isTrue();
			assertThat(bytesOf(fast)).as(values.toString()).isEqualTo(generalPath(key));
			KeyValue read = StoreFormat.KeyType.INSTANCE.read(fast.getBuffer().flip());
			assertThat(StoreFormat.KeyType.INSTANCE.compare(read, key)).as(values.toString()).isZero();
		}
		// Anything else takes the general path.
		assertThat(StoreFormat.writeScalars(new WriteBuffer(), new KeyValue(List.of("a", 1.5)))).isFalse();
		assertThat(StoreFormat.writeScalars(new WriteBuffer(), new KeyValue(List.of(new Document("a", 1))))).isFalse();
	}

	/** What the key's type wrote before its short cut: the key through a document. */
	private static byte[] generalPath(KeyValue key) {
		List<Object> values = new ArrayList<>();
		List<Boolean> missing = new ArrayList<>();
		for (Object value : key) {
			missing.add(value instanceof Missing);
			values.add((value instanceof Missing) ? null : value);
		}
		WriteBuffer buffer = new WriteBuffer();
		byte[] body = bsonOf(new Document("v", values).append("m", missing));
		buffer.putVarInt(body.length).put(body);
		return bytesOf(buffer);
	}

	private static byte[] bytesOf(WriteBuffer buffer) {
		ByteBuffer bytes = buffer.getBuffer().duplicate().flip();
		byte[] copy = new byte[bytes.remaining()];
		bytes.get(copy);
		return copy;
	}

	@Test
	void ordersDatesFlagsAndWholeNumbersAsMongoJavaServerDoes() {
		Random random = new Random(20261207);
		List<Object> values = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			values.add(Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000), random.nextInt(1_000_000_000)));
			values.add(random.nextInt(2000) - 1000);
			values.add((long) random.nextInt(2000) - 1000);
			values.add(random.nextBoolean());
			values.add("s" + random.nextInt(100));
			values.add(random.nextDouble());
		}
		values.add(Long.MAX_VALUE);
		values.add(Long.MAX_VALUE - 1);
		values.add(Integer.MIN_VALUE);
		ValueComparator library = ValueComparator.asc();
		for (Object one : values) {
			for (Object other : values) {
				assertThat(Integer.signum(StoreFormat.order(one, other)))
					.as("%s (%s) against %s (%s)", one, one.getClass().getSimpleName(), other,
							other.getClass().getSimpleName())
					.isEqualTo(Integer.signum(library.compare(one, other)));
			}
		}
	}

	private static byte[] bsonOf(Document document) {
		ByteBuf buffer = Unpooled.buffer();
		BsonEncoder.encodeDocument(document, buffer);
		byte[] bytes = new byte[buffer.readableBytes()];
		buffer.readBytes(bytes);
		return bytes;
	}

}
