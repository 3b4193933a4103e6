package org.waystation.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.waystation.events.DomainEvent;
import org.waystation.events.EventCodec;
import org.waystation.events.MalformedEventException;
import org.waystation.events.Topics;

import org.awaitility.Awaitility;

/**
 * Reads every Waystation topic, dead letters included, from the beginning in the
 * background, so that a test can wait for the events a scenario must cause and check the
 * ones it must not.
 */
public final class EventRecorder implements AutoCloseable {

	private final KafkaConsumer<String, byte[]> consumer;

	private final List<DomainEvent> events = new CopyOnWriteArrayList<>();

	private final List<ConsumerRecord<String, byte[]>> deadLetters = new CopyOnWriteArrayList<>();

	private final Thread poller;

	private volatile boolean running = true;

	public EventRecorder(String bootstrapServers) {
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
						"event-recorder-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
						ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
				new StringDeserializer(), new ByteArrayDeserializer());
		this.consumer.subscribe(Topics.all());
		this.poller = new Thread(this::poll, "event-recorder");
		this.poller.setDaemon(true);
		this.poller.start();
	}

	private void poll() {
		try {
			while (this.running) {
				for (ConsumerRecord<String, byte[]> record : this.consumer.poll(Duration.ofMillis(200))) {
					if (record.topic().endsWith(Topics.DEAD_LETTER_SUFFIX)) {
						this.deadLetters.add(record);
						continue;
					}
					try {
						EventCodec.fromBytes(record.value(), DomainEvent.class).ifPresent(this.events::add);
					}
					catch (MalformedEventException ex) {
						// Tests publish malformed records on purpose; they are checked on
						// the dead-letter topic.
					}
				}
			}
		}
		catch (WakeupException ex) {
			// closing
		}
		finally {
			this.consumer.close();
		}
	}

	/** Waits until an event of the type that matches the condition has been published. */
	public <T extends DomainEvent> T await(Class<T> type, Predicate<T> condition) {
		return await(type, condition, Duration.ofSeconds(60));
	}

	public <T extends DomainEvent> T await(Class<T> type, Predicate<T> condition, Duration timeout) {
		return Awaitility.await().atMost(timeout).until(() -> find(type, condition), Optional::isPresent).orElseThrow();
	}

	public <T extends DomainEvent> Optional<T> find(Class<T> type, Predicate<T> condition) {
		return all(type, condition).stream().findFirst();
	}

	/**
	 * Every event of the type that matches the condition, as often as it was published.
	 */
	public <T extends DomainEvent> List<T> all(Class<T> type, Predicate<T> condition) {
		List<T> matching = new ArrayList<>();
		for (DomainEvent event : this.events) {
			if (type.isInstance(event) && condition.test(type.cast(event))) {
				matching.add(type.cast(event));
			}
		}
		return matching;
	}

	/** Waits for a record on a dead-letter topic whose value contains the text. */
	public ConsumerRecord<String, byte[]> awaitDeadLetter(String topic, String containing) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> this.deadLetters.stream()
				.filter((record) -> record.topic().equals(topic))
				.filter((record) -> record.value() != null
						&& new String(record.value(), StandardCharsets.UTF_8).contains(containing))
				.findFirst(), Optional::isPresent)
			.orElseThrow();
	}

	@Override
	public void close() {
		this.running = false;
		this.consumer.wakeup();
		try {
			this.poller.join(5_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
