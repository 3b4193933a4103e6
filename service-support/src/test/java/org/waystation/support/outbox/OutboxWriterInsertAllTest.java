package org.waystation.support.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decisions of one poll stored in one round trip, against a MongoDB-wire server over TCP:
 * a document stored already (a replay) is passed over, those after it still go in, each
 * starts at version 0 as a single insert does, and the relay publishes the events of the
 * inserted ones only, once each.
 */
class OutboxWriterInsertAllTest extends MongoWireTest {

	@org.springframework.data.mongodb.core.mapping.Document("letters")
	static final class Letter {

		@Id
		String id;

		String text;

		List<OutboxEntry> outbox = new ArrayList<>();

		@Version
		Long version;

		Letter(String id, String text) {
			this.id = id;
			this.text = text;
			this.outbox.add(
					new OutboxEntry(id + "-" + text, "appeal.routed", id, "AppealRouted", id + "-" + text, null, null));
		}

	}

	@Test
	void insertsAllButThoseStoredAlreadyInOneGoAndRelaysTheirEventsOnce() {
		OutboxRelayOrderTest.Broker broker = new OutboxRelayOrderTest.Broker();
		OutboxRelay relay = new OutboxRelay(mongo, broker, new OutboxProperties(List.of("letters"),
				Duration.ofMillis(100), 200, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofHours(1)),
				new SimpleMeterRegistry());
		OutboxWriter writer = new OutboxWriter(mongo, relay);
		writer.insert(new Letter("a", "first"));
		relay.relayOnce();

		Letter b = new Letter("b", "first");
		Letter replayed = new Letter("a", "again");
		Letter c = new Letter("c", "first");
		Letter replayedLast = new Letter("c", "again");
		List<Letter> inserted = writer.insertAll(List.of(b, replayed, c, replayedLast), Letter.class);
		relay.relayOnce();

		assertThat(inserted).containsExactly(b, c);
		assertThat(mongo.getCollection("letters").find().into(new ArrayList<>()))
			.extracting((each) -> each.getString("_id") + "/" + each.getString("text") + "/" + each.get("version"))
			.containsExactlyInAnyOrder("a/first/0", "b/first/0", "c/first/0");
		assertThat(broker.published).containsExactlyInAnyOrder("a-first", "b-first", "c-first");
		assertThat(
				mongo.getCollection("letters").countDocuments(new Document("outbox.0", new Document("$exists", true))))
			.as("every outbox emptied")
			.isZero();
		assertThat(writer.insertAll(List.of(new Letter("a", "third")), Letter.class)).isEmpty();
	}

}
