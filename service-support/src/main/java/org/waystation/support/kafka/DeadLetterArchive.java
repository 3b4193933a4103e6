package org.waystation.support.kafka;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.waystation.events.Topics;
import org.waystation.support.problem.ProblemException;

/**
 * Reads the dead-letter topics, where a record goes that a consumer could not handle
 * (unreadable, or failing after its retries), and publishes one again on its original
 * topic once what made it fail is mended. Consumers are idempotent by event id, so a
 * replayed record that had been handled by another consumer group changes nothing there.
 * A dead letter is replayed at most once; a replay that fails again lands in the
 * dead-letter topic anew, with its reason.
 */
public class DeadLetterArchive {

	private static final Logger log = LoggerFactory.getLogger(DeadLetterArchive.class);

	/** The header a replayed record carries: the dead letter it was replayed from. */
	public static final String REPLAY_OF = "ws-replay-of";

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

	private static final int PREVIEW = 2_000;

	private final ConsumerFactory<?, ?> consumers;

	private final KafkaTemplate<Object, Object> kafka;

	private final MongoTemplate mongo;

	private final Clock clock;

	public DeadLetterArchive(ConsumerFactory<?, ?> consumers, KafkaTemplate<Object, Object> kafka, MongoTemplate mongo,
			Clock clock) {
		this.consumers = consumers;
		this.kafka = kafka;
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * The newest dead letters, newest first: at most {@code limit}, of one original topic
	 * or of every one.
	 */
	public List<DeadLetter> list(String originalTopic, int limit) {
		List<String> topics = (originalTopic != null) ? List.of(Topics.deadLetterOf(originalTopic))
				: Topics.eventTopics().stream().map(Topics::deadLetterOf).toList();
		List<DeadLetter> found = new ArrayList<>();
		try (Consumer<byte[], byte[]> consumer = consumer()) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (String topic : topics) {
				List<PartitionInfo> infos = consumer.partitionsFor(topic, READ_TIMEOUT);
				if (infos != null) {
					infos.forEach((info) -> partitions.add(new TopicPartition(topic, info.partition())));
				}
			}
			if (partitions.isEmpty()) {
				return List.of();
			}
			consumer.assign(partitions);
			Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, READ_TIMEOUT);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
			List<TopicPartition> toRead = new ArrayList<>();
			for (TopicPartition partition : partitions) {
				long from = Math.max(begin.get(partition), end.get(partition) - limit);
				if (from < end.get(partition)) {
					consumer.seek(partition, from);
					toRead.add(partition);
				}
			}
			consumer.assign(toRead);
			Instant deadline = this.clock.instant().plus(READ_TIMEOUT);
			while (!toRead.isEmpty() && this.clock.instant().isBefore(deadline)) {
				ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
				records.forEach((record) -> found.add(read(record)));
				toRead.removeIf((partition) -> consumer.position(partition) >= end.get(partition));
			}
		}
		return found.stream()
			.sorted(Comparator.comparing(DeadLetter::failedAt, Comparator.nullsLast(Comparator.reverseOrder())))
			.limit(limit)
			.map(this::withReplay)
			.toList();
	}

	/** One dead letter, if the topic holds a record at that offset. */
	public Optional<DeadLetter> find(String topic, int partition, long offset) {
		try (Consumer<byte[], byte[]> consumer = consumer()) {
			TopicPartition where = new TopicPartition(topic, partition);
			List<PartitionInfo> infos = consumer.partitionsFor(topic, READ_TIMEOUT);
			if (infos == null || infos.stream().noneMatch((info) -> info.partition() == partition)) {
				return Optional.empty();
			}
			consumer.assign(List.of(where));
			long end = consumer.endOffsets(List.of(where), READ_TIMEOUT).get(where);
			long begin = consumer.beginningOffsets(List.of(where), READ_TIMEOUT).get(where);
			if (offset < begin || offset >= end) {
				return Optional.empty();
			}
			consumer.seek(where, offset);
			Instant deadline = this.clock.instant().plus(READ_TIMEOUT);
			while (this.clock.instant().isBefore(deadline)) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					if (record.offset() == offset) {
						return Optional.of(withReplay(read(record)));
					}
				}
			}
			return Optional.empty();
		}
	}

	/**
	 * Publishes the dead letter on its original topic again, with its key and value.
	 * @throws ProblemException 404 when there is no such dead letter, 409 when it was
	 * replayed already or its original topic is unknown
	 */
	public DeadLetter replay(String topic, int partition, long offset, String actor) {
		DeadLetter letter = find(topic, partition, offset)
			.orElseThrow(() -> ProblemException.notFound("dead-letter-not-found",
					"No dead letter at " + topic + " partition " + partition + " offset " + offset));
		if (letter.replayedAt() != null) {
			throw ProblemException.conflict("replayed-already",
					"This dead letter was replayed at " + letter.replayedAt() + " by " + letter.replayedBy());
		}
		if (letter.originalTopic() == null || !Topics.eventTopics().contains(letter.originalTopic())) {
			throw ProblemException.conflict("original-topic-unknown",
					"The dead letter does not say which topic it came from");
		}
		Replay replay = new Replay(letter.id(), letter.originalTopic(), this.clock.instant(), actor);
		try {
			this.mongo.insert(replay);
		}
		catch (DuplicateKeyException ex) {
			throw ProblemException.conflict("replayed-already", "This dead letter is being replayed already");
		}
		try {
			ProducerRecord<Object, Object> again = new ProducerRecord<>(letter.originalTopic(), null, letter.key(),
					letter.raw());
			again.headers().add(REPLAY_OF, letter.id().getBytes(StandardCharsets.UTF_8));
			letter.correlationId()
				.ifPresent((id) -> again.headers().add("ws-correlation-id", id.getBytes(StandardCharsets.UTF_8)));
			this.kafka.send(again).get(READ_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (InterruptedException | ExecutionException | TimeoutException ex) {
			// Not published: it may be replayed again.
			this.mongo.remove(replay);
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			throw ProblemException.unavailable("kafka-unavailable", "Kafka did not take the replayed record", 5);
		}
		log.info("Dead letter {} replayed on {} by {}", letter.id(), letter.originalTopic(), actor);
		return withReplay(letter);
	}

	private Consumer<byte[], byte[]> consumer() {
		Map<String, Object> overrides = Map.of("enable.auto.commit", "false", "key.deserializer",
				"org.apache.kafka.common.serialization.ByteArrayDeserializer", "value.deserializer",
				"org.apache.kafka.common.serialization.ByteArrayDeserializer");
		@SuppressWarnings("unchecked")
		Consumer<byte[], byte[]> consumer = (Consumer<byte[], byte[]>) this.consumers.createConsumer(null,
				"dead-letters", null, toProperties(overrides));
		return consumer;
	}

	private static java.util.Properties toProperties(Map<String, Object> values) {
		java.util.Properties properties = new java.util.Properties();
		properties.putAll(values);
		return properties;
	}

	private DeadLetter withReplay(DeadLetter letter) {
		Replay replay = this.mongo.findById(letter.id(), Replay.class);
		return (replay == null) ? letter : letter.replayed(replay.replayedAt(), replay.replayedBy());
	}

	private static DeadLetter read(ConsumerRecord<byte[], byte[]> record) {
		Headers headers = record.headers();
		String key = (record.key() != null) ? new String(record.key(), StandardCharsets.UTF_8) : null;
		byte[] value = (record.value() != null) ? record.value() : new byte[0];
		return new DeadLetter(record.topic() + ":" + record.partition() + ":" + record.offset(), record.topic(),
				record.partition(), record.offset(), text(headers, KafkaHeaders.DLT_ORIGINAL_TOPIC),
				number(headers, KafkaHeaders.DLT_ORIGINAL_PARTITION), number(headers, KafkaHeaders.DLT_ORIGINAL_OFFSET),
				text(headers, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP), key,
				reason(text(headers, KafkaHeaders.DLT_EXCEPTION_MESSAGE)), preview(value), value.length,
				Instant.ofEpochMilli(record.timestamp()), null, null, value, text(headers, "ws-correlation-id"));
	}

	/** The cause a listener's failure message ends with, without the listener's name. */
	static String reason(String message) {
		if (message == null) {
			return null;
		}
		String reason = message;
		int nested = reason.lastIndexOf("threw exception");
		if (nested >= 0) {
			reason = reason.substring(nested + "threw exception".length()).replaceFirst("^[;:]\\s*", "");
		}
		return reason.replaceAll("(?<![\\w.])(?:[a-z][a-z0-9_]*\\.)+([A-Z]\\w*)", "$1").strip();
	}

	/** The value as text, control characters and bytes that are not UTF-8 escaped. */
	static String preview(byte[] value) {
		String text;
		try {
			CharBuffer decoded = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(value));
			text = decoded.toString();
		}
		catch (CharacterCodingException ex) {
			StringBuilder hex = new StringBuilder("(not UTF-8) ");
			for (int i = 0; i < Math.min(value.length, PREVIEW / 3); i++) {
				hex.append(String.format("%02x", value[i]));
			}
			return hex.toString();
		}
		StringBuilder shown = new StringBuilder();
		text.codePoints().limit(PREVIEW).forEach((point) -> {
			if (Character.isISOControl(point) && point != '\n') {
				shown.append(String.format("\\u%04x", point));
			}
			else {
				shown.appendCodePoint(point);
			}
		});
		return shown.toString();
	}

	private static String text(Headers headers, String name) {
		Header header = headers.lastHeader(name);
		return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private static Long number(Headers headers, String name) {
		Header header = headers.lastHeader(name);
		if (header == null || header.value() == null) {
			return null;
		}
		byte[] bytes = header.value();
		return switch (bytes.length) {
			case 4 -> (long) ByteBuffer.wrap(bytes).getInt();
			case 8 -> ByteBuffer.wrap(bytes).getLong();
			default -> null;
		};
	}

	/**
	 * A record a consumer could not handle.
	 *
	 * @param id {@code <dead-letter topic>:<partition>:<offset>}
	 * @param consumerGroup the consumer group that gave up on it
	 * @param reason why it failed
	 * @param value the record's value as text (escaped where it is not text), at most
	 * 2,000 characters
	 * @param size the value's length in bytes
	 * @param failedAt when it was put in the dead-letter topic
	 * @param replayedAt when it was published again, or null
	 */
	public record DeadLetter(String id, String topic, int partition, long offset, String originalTopic,
			Long originalPartition, Long originalOffset, String consumerGroup, String key, String reason, String value,
			int size, Instant failedAt, Instant replayedAt, String replayedBy, byte[] raw, String correlation) {

		DeadLetter replayed(Instant at, String by) {
			return new DeadLetter(this.id, this.topic, this.partition, this.offset, this.originalTopic,
					this.originalPartition, this.originalOffset, this.consumerGroup, this.key, this.reason, this.value,
					this.size, this.failedAt, at, by, this.raw, this.correlation);
		}

		Optional<String> correlationId() {
			return Optional.ofNullable(this.correlation);
		}

	}

	/** That a dead letter was replayed, so that it is replayed once. */
	@Document("dead_letter_replays")
	record Replay(@Id String id, String originalTopic, Instant replayedAt, String replayedBy) {

	}

}
