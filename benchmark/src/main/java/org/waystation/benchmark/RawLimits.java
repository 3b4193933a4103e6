package org.waystation.benchmark;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

import org.waystation.events.EventSamples;

/**
 * The machine's own limits, measured on the same broker and store in the same run: a
 * plain Kafka producer sending records of an event's size with the services' settings,
 * and plain single-document inserts.
 */
final class RawLimits {

	private static final String TOPIC = "benchmark.raw-limit";

	/**
	 * A slow store is measured for this long at most, whatever the number of inserts
	 * asked.
	 */
	private static final long MAX_TIME_NANOS = 20_000_000_000L;

	private RawLimits() {
	}

	/** Records per second a plain producer gets acknowledged (acks=all, idempotent). */
	static double kafka(String bootstrapServers, int records) {
		Map<String, Object> admin = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		try (Admin client = Admin.create(admin)) {
			client.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
			byte[] value = EventSamples.json("AppealSubmitted").getBytes(StandardCharsets.UTF_8);
			Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
					ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
					ProducerConfig.LINGER_MS_CONFIG, 2);
			CountDownLatch acknowledged = new CountDownLatch(records);
			AtomicReference<Exception> failure = new AtomicReference<>();
			long start;
			long elapsed;
			try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
					new ByteArraySerializer())) {
				start = System.nanoTime();
				for (int i = 0; i < records; i++) {
					producer.send(new ProducerRecord<>(TOPIC, "appeal-" + i, value), (metadata, ex) -> {
						if (ex != null) {
							failure.set(ex);
						}
						acknowledged.countDown();
					});
				}
				acknowledged.await();
				elapsed = System.nanoTime() - start;
			}
			client.deleteTopics(List.of(TOPIC)).all().get();
			if (failure.get() != null) {
				throw new IllegalStateException("Kafka refused records", failure.get());
			}
			return records / (elapsed / 1e9);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Cannot measure Kafka: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Single-document inserts per second of about 1 KB documents.
	 * @param threads how many clients insert at once
	 */
	static double mongo(String uri, int inserts, int threads) {
		try (MongoClient client = MongoClients.create(uri)) {
			MongoCollection<Document> collection = client.getDatabase("benchmark").getCollection("raw_inserts");
			collection.drop();
			String text = "我在美团跑外卖，站点上个月的配送费一直没有结算。".repeat(20);
			List<Thread> workers = new ArrayList<>();
			long start = System.nanoTime();
			long deadline = System.nanoTime() + MAX_TIME_NANOS;
			java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
			for (int t = 0; t < threads; t++) {
				int worker = t;
				Thread thread = new Thread(() -> {
					for (int i = worker; i < inserts && System.nanoTime() < deadline; i += threads) {
						collection.insertOne(new Document("_id", "raw-" + i).append("text", text).append("n", i));
						done.incrementAndGet();
					}
				});
				workers.add(thread);
				thread.start();
			}
			for (Thread thread : workers) {
				thread.join();
			}
			long elapsed = System.nanoTime() - start;
			client.getDatabase("benchmark").drop();
			return done.get() / (elapsed / 1e9);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
