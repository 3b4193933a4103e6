package org.waystation.support.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The relay against a MongoDB-wire server over TCP and a producer whose broker goes down
 * for one round: the events of a document reach the topic in the order they were written,
 * also when a newer one is written while the older ones fail to send.
 */
class OutboxRelayOrderTest extends MongoWireTest {

	/** A producer that records what it sends and fails while the broker is "down". */
	static final class Broker extends KafkaTemplate<Object, Object> {

		final List<String> published = new CopyOnWriteArrayList<>();

		volatile boolean down;

		volatile Runnable whileDown = () -> {
		};

		Broker() {
			super(new DefaultKafkaProducerFactory<>(Map.of("bootstrap.servers", "127.0.0.1:1")));
		}

		@Override
		public CompletableFuture<SendResult<Object, Object>> send(ProducerRecord<Object, Object> record) {
			if (this.down) {
				this.whileDown.run();
				return CompletableFuture.failedFuture(new KafkaException("broker not available"));
			}
			this.published.add(new String((byte[]) record.value(), StandardCharsets.UTF_8));
			return CompletableFuture.completedFuture(new SendResult<>(record, null));
		}

	}

	private static OutboxEntry event(String id) {
		return new OutboxEntry(id, "appeal.submitted", "appeal-1", "AppealSubmitted", id, null, null);
	}

	private static Document stored(OutboxEntry entry) {
		return new Document("eventId", entry.eventId()).append("topic", entry.topic())
			.append("key", entry.key())
			.append("type", entry.type())
			.append("payload", entry.payload());
	}

	@Test
	void publishesADocumentsEventsInTheOrderWrittenAlsoAfterAFailedSend() {
		Broker broker = new Broker();
		OutboxRelay relay = new OutboxRelay(mongo, broker, new OutboxProperties(List.of("appeals"),
				Duration.ofMillis(100), 200, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofHours(1)),
				new SimpleMeterRegistry());
		mongo.getCollection("appeals")
			.insertOne(new Document("_id", "appeal-1").append("outbox",
					List.of(stored(event("e1")), stored(event("e2")))));
		relay.wakeUp("appeals", "appeal-1", List.of(event("e1"), event("e2")));
		// While the broker is down, the appeal changes again and its new event is hinted.
		broker.down = true;
		broker.whileDown = () -> {
			broker.whileDown = () -> {
			};
			mongo.updateFirst(Query.query(Criteria.where("_id").is("appeal-1")),
					new Update().push("outbox", stored(event("e3"))), "appeals");
			relay.wakeUp("appeals", "appeal-1", List.of(event("e3")));
		};

		assertThatThrownBy(relay::relayOnce).isInstanceOf(IllegalStateException.class);
		broker.down = false;
		relay.relayOnce();
		relay.relayOnce();

		assertThat(broker.published).containsExactly("e1", "e2", "e3");
		assertThat(mongo.getCollection("appeals")
			.find(new Document("_id", "appeal-1"))
			.first()
			.getList("outbox", Document.class)).isEmpty();
	}

}
