package org.waystation.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes and reads at once, on one document and across collections: a reader never gets a
 * document half changed, and the store stays open (mongo-java-server changes the document
 * it read in place before storing it again; a checkpoint or a reader's answer must never
 * see that object change under it).
 */
class MongoStoreConcurrencyTest {

	private static final List<String> FIELDS = List.of("a", "b", "c", "d", "e", "f", "g", "h");

	private static final int UPDATES = 3_000;

	@TempDir
	Path directory;

	@Test
	void readersNeverSeeADocumentHalfChangedAndTheStoreStaysOpen() throws Exception {
		try (MongoStore server = MongoStore.start(this.directory, 0, 5, MongoStore.TEST_CACHE_MIB);
				MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.port())) {
			MongoCollection<Document> cases = client.getDatabase("department").getCollection("cases");
			MongoCollection<Document> notes = client.getDatabase("notification").getCollection("notifications");
			Document first = new Document("_id", "case-1");
			FIELDS.forEach((field) -> first.append(field, 0));
			cases.insertOne(first);
			AtomicBoolean writing = new AtomicBoolean(true);
			AtomicLong torn = new AtomicLong();
			AtomicLong reads = new AtomicLong();
			List<CompletableFuture<Void>> readers = new ArrayList<>();
			for (int r = 0; r < 2; r++) {
				readers.add(CompletableFuture.runAsync(() -> {
					while (writing.get()) {
						Document read = cases.find(Filters.eq("_id", "case-1")).first();
						reads.incrementAndGet();
						Object a = read.get("a");
						if (FIELDS.stream().anyMatch((field) -> !a.equals(read.get(field)))) {
							torn.incrementAndGet();
						}
					}
				}));
			}
			CompletableFuture<Void> inserts = CompletableFuture.runAsync(() -> {
				for (int i = 0; i < UPDATES; i++) {
					notes.insertOne(new Document("_id", "note-" + i).append("text", "第" + i + "条通知".repeat(20)));
				}
			});
			for (int i = 1; i <= UPDATES; i++) {
				int value = i;
				List<Bson> sets = FIELDS.stream().map((field) -> Updates.set(field, value)).toList();
				cases.updateOne(Filters.eq("_id", "case-1"), Updates.combine(sets));
			}
			inserts.join();
			writing.set(false);
			CompletableFuture.allOf(readers.toArray(CompletableFuture[]::new)).join();
			assertThat(reads.get()).isPositive();
			assertThat(torn.get()).as("reads of a document half changed, of %d", reads.get()).isZero();
			assertThat(cases.find(Filters.eq("_id", "case-1")).first().get("h")).isEqualTo(UPDATES);
			assertThat(notes.countDocuments()).isEqualTo(UPDATES);
		}
	}

}
