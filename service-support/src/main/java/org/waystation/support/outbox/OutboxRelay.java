package org.waystation.support.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.waystation.support.correlation.CorrelationIds;

/**
 * Publishes the events waiting in documents' outboxes and removes each once Kafka has
 * acknowledged it. Publishing is at least once: a crash between the acknowledgement and
 * the removal publishes the event again, which consumers skip by its event id.
 *
 * <p>
 * The events of one document are published in the order they were written, also after a
 * failed send: a document whose send failed is read back from the store and published
 * from its oldest waiting event on, and events it is given meanwhile wait behind them.
 */
public class OutboxRelay implements SmartLifecycle {

	/**
	 * Kafka header that carries the logical event type, for tools that do not parse the
	 * body.
	 */
	public static final String TYPE_HEADER = "ws-event-type";

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final MongoTemplate mongo;

	private final KafkaTemplate<Object, Object> kafka;

	private final OutboxProperties properties;

	private final Semaphore wakeUps = new Semaphore(0);

	/**
	 * Documents just written with events, published by id without looking through
	 * collections.
	 */
	private final Queue<Hint> hints = new ConcurrentLinkedQueue<>();

	/**
	 * Documents whose send failed: published again from the store, oldest event first,
	 * before anything newer of theirs.
	 */
	private final Set<DocumentKey> unsettled = ConcurrentHashMap.newKeySet();

	private volatile long nextSweepNanos;

	private final Counter published;

	private final Counter failures;

	private volatile boolean running;

	private Thread worker;

	public OutboxRelay(MongoTemplate mongo, KafkaTemplate<Object, Object> kafka, OutboxProperties properties,
			MeterRegistry meters) {
		this.mongo = mongo;
		this.kafka = kafka;
		this.properties = properties;
		this.published = Counter.builder("waystation.outbox.published")
			.description("Events published from the outbox")
			.register(meters);
		this.failures = Counter.builder("waystation.outbox.failures")
			.description("Outbox rounds that failed and will be retried")
			.register(meters);
	}

	/** Asks the relay to look through every outbox collection now. */
	public void wakeUp() {
		this.nextSweepNanos = System.nanoTime();
		this.wakeUps.release();
	}

	/**
	 * Tells the relay which events a document has just been given, so that it publishes
	 * them at once, without reading the document back.
	 */
	public void wakeUp(String collection, Object id, List<OutboxEntry> entries) {
		this.hints.add(new Hint(collection, id, entries));
		this.wakeUps.release();
	}

	/**
	 * Publishes the events of the documents it was told about and, now and then (and at
	 * start-up), of every document of the outbox collections, so that nothing a crash
	 * left behind waits for long.
	 * @return how many events were published and removed
	 */
	public int relayOnce() {
		int count = 0;
		// Per collection and document, the events it was given, in the order given.
		Map<String, Map<Object, List<OutboxEntry>>> hinted = new LinkedHashMap<>();
		int taken = 0;
		for (Hint hint = this.hints.poll(); hint != null; hint = this.hints.poll()) {
			if (!this.unsettled.contains(new DocumentKey(hint.collection(), hint.id()))) {
				hinted.computeIfAbsent(hint.collection(), (c) -> new LinkedHashMap<>())
					.computeIfAbsent(hint.id(), (id) -> new ArrayList<>())
					.addAll(hint.entries());
			}
			if (++taken >= this.properties.batchSize()) {
				break;
			}
		}
		for (DocumentKey key : List.copyOf(this.unsettled)) {
			// Read back: every event still waiting, oldest first, those hinted since
			// included.
			Document document = this.mongo.findById(key.id(), Document.class, key.collection());
			List<OutboxEntry> waiting = (document != null) ? entriesOf(document) : List.of();
			Map<Object, List<OutboxEntry>> ofCollection = hinted.computeIfAbsent(key.collection(),
					(c) -> new LinkedHashMap<>());
			if (waiting.isEmpty()) {
				this.unsettled.remove(key);
				ofCollection.remove(key.id());
			}
			else {
				ofCollection.put(key.id(), waiting);
			}
		}
		for (Map.Entry<String, Map<Object, List<OutboxEntry>>> entry : hinted.entrySet()) {
			List<Pending> documents = new ArrayList<>();
			entry.getValue().forEach((id, entries) -> documents.add(new Pending(id, entries)));
			count += publish(entry.getKey(), documents);
		}
		if (System.nanoTime() - this.nextSweepNanos >= 0) {
			this.nextSweepNanos = System.nanoTime() + this.properties.sweepInterval().toNanos();
			for (String collection : this.properties.collections()) {
				count += sweep(collection);
			}
		}
		return count;
	}

	/** Looks through a whole collection for events left behind. */
	private int sweep(String collection) {
		Query pending = Query.query(Criteria.where(OutboxEntry.FIELD + ".0").exists(true))
			.limit(this.properties.batchSize());
		pending.fields().include(OutboxEntry.FIELD);
		List<Pending> found = new ArrayList<>();
		for (Document document : this.mongo.find(pending, Document.class, collection)) {
			if (!this.unsettled.contains(new DocumentKey(collection, document.get("_id")))) {
				found.add(new Pending(document.get("_id"), entriesOf(document)));
			}
		}
		int count = publish(collection, found);
		if (count >= this.properties.batchSize()) {
			// More may be waiting: look again at once.
			this.nextSweepNanos = System.nanoTime();
		}
		return count;
	}

	private static List<OutboxEntry> entriesOf(Document document) {
		List<Document> entries = document.getList(OutboxEntry.FIELD, Document.class);
		if (entries == null) {
			return List.of();
		}
		return entries.stream()
			.map((entry) -> new OutboxEntry(entry.getString("eventId"), entry.getString("topic"),
					entry.getString("key"), entry.getString("type"), entry.getString("payload"), null,
					entry.getString("correlationId")))
			.toList();
	}

	private int publish(String collection, List<Pending> documents) {
		if (documents.isEmpty()) {
			return 0;
		}
		List<Sent> sent = new ArrayList<>();
		for (Pending document : documents) {
			List<CompletableFuture<SendResult<Object, Object>>> futures = new ArrayList<>();
			List<String> eventIds = new ArrayList<>();
			for (OutboxEntry entry : document.entries()) {
				futures.add(send(entry));
				eventIds.add(entry.eventId());
			}
			sent.add(new Sent(document, eventIds, futures));
		}
		List<WriteModel<Document>> removals = new ArrayList<>();
		int count = 0;
		for (Sent each : sent) {
			DocumentKey key = new DocumentKey(collection, each.document().id());
			if (each.acknowledged(this.properties.sendTimeout().toMillis())) {
				removals.add(new UpdateOneModel<>(Filters.eq("_id", each.document().id()),
						Updates.pull(OutboxEntry.FIELD, Filters.in("eventId", each.eventIds()))));
				count += each.eventIds().size();
			}
			else {
				// Next round, from the store: these events first, then any given since.
				this.unsettled.add(key);
			}
		}
		if (!removals.isEmpty()) {
			this.mongo.getCollection(collection).bulkWrite(removals);
		}
		this.published.increment(count);
		if (count < sent.stream().mapToInt((each) -> each.eventIds().size()).sum()) {
			throw new IllegalStateException("Kafka did not acknowledge every event from " + collection);
		}
		return count;
	}

	private CompletableFuture<SendResult<Object, Object>> send(OutboxEntry entry) {
		ProducerRecord<Object, Object> record = new ProducerRecord<>(entry.topic(), entry.key(),
				entry.payload().getBytes(StandardCharsets.UTF_8));
		record.headers().add(TYPE_HEADER, entry.type().getBytes(StandardCharsets.UTF_8));
		if (entry.correlationId() != null) {
			record.headers().add(CorrelationIds.KAFKA_HEADER, entry.correlationId().getBytes(StandardCharsets.UTF_8));
		}
		return this.kafka.send(record);
	}

	private void loop() {
		long backoffMillis = 0;
		while (this.running) {
			try {
				relayOnce();
				backoffMillis = 0;
				if (!this.hints.isEmpty()) {
					continue;
				}
				awaitWakeUp(Math.max(0, Math.min(this.properties.pollInterval().toMillis(),
						(this.nextSweepNanos - System.nanoTime()) / 1_000_000)));
			}
			catch (RuntimeException ex) {
				this.failures.increment();
				backoffMillis = Math.min(Math.max(backoffMillis * 2, 200), this.properties.maxBackoff().toMillis());
				log.warn("Outbox relay round failed, retrying in {} ms: {}", backoffMillis, ex.getMessage());
				awaitWakeUp(backoffMillis);
			}
		}
	}

	private void awaitWakeUp(long millis) {
		try {
			if (this.wakeUps.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
				this.wakeUps.drainPermits();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

	/** A document of an outbox collection. */
	private record DocumentKey(String collection, Object id) {

	}

	@Override
	public void start() {
		this.running = true;
		this.nextSweepNanos = System.nanoTime();
		this.worker = new Thread(this::loop, "outbox-relay");
		this.worker.setDaemon(true);
		this.worker.start();
	}

	@Override
	public void stop() {
		this.running = false;
		Thread thread = this.worker;
		if (thread != null) {
			this.wakeUps.release();
			try {
				thread.join(this.properties.sendTimeout().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// Stop before the Kafka producer and the Mongo client go away.
		return Integer.MAX_VALUE - 1000;
	}

	private record Hint(String collection, Object id, List<OutboxEntry> entries) {

	}

	/** A document's events waiting to be published. */
	private record Pending(Object id, List<OutboxEntry> entries) {

	}

	private record Sent(Pending document, List<String> eventIds,
			List<CompletableFuture<SendResult<Object, Object>>> futures) {

		boolean acknowledged(long timeoutMillis) {
			try {
				for (CompletableFuture<SendResult<Object, Object>> future : this.futures) {
					future.get(timeoutMillis, TimeUnit.MILLISECONDS);
				}
				return true;
			}
			catch (ExecutionException | TimeoutException ex) {
				log.warn("Event of document {} not acknowledged by Kafka: {}", this.document.id(), ex.getMessage());
				return false;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

	}

}
