package org.waystation.store;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.MongoWriteException;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded store in a process of its own, killed with SIGKILL right after the last
 * acknowledged write: reopened, it has every acknowledged write, whether the H2 file took
 * it in at a checkpoint or the journal replays it.
 */
class MongoStoreDurabilityIT {

	/** The store alone, as the launcher hosts it. */
	public static final class StoreOnly {

		public static void main(String[] args) throws Exception {
			long checkpointMillis = (args.length > 2) ? Long.parseLong(args[2]) : MongoStore.CHECKPOINT_MILLIS;
			MongoStore.start(Path.of(args[0]), Integer.parseInt(args[1]), checkpointMillis, MongoStore.CACHE_MIB);
			new CountDownLatch(1).await(10, TimeUnit.MINUTES);
		}

	}

	/** Starts the store alone in a process of its own. */
	private Process storeProcess(int port, long checkpointMillis) throws Exception {
		return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp",
				System.getProperty("java.class.path"), StoreOnly.class.getName(), this.directory.toString(),
				String.valueOf(port), String.valueOf(checkpointMillis))
			.redirectErrorStream(true)
			.start();

	}

	@TempDir
	Path directory;

	@Test
	void keepsEveryAcknowledgedWriteThroughAKillOfItsProcess() throws Exception {
		int port = freePort();
		Process store = storeProcess(port, MongoStore.CHECKPOINT_MILLIS);
		int written = 300;
		try (MongoClient client = MongoClients
			.create("mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=30000")) {
			MongoCollection<Document> appeals = client.getDatabase("intake").getCollection("appeals");
			for (int i = 0; i < written; i++) {
				appeals.insertOne(new Document("_id", "appeal-" + i).append("text", "站点拖欠配送费第" + i + "单")
					.append("status", "SUBMITTED"));
			}
			appeals.updateOne(Filters.eq("_id", "appeal-" + (written - 1)), Updates.set("status", "ROUTED"));
		}
		finally {
			store.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}

		try (MongoStore reopened = MongoStore.start(this.directory, freePort());
				MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + reopened.port())) {
			MongoCollection<Document> appeals = client.getDatabase("intake").getCollection("appeals");
			assertThat(appeals.countDocuments()).isEqualTo(written);
			assertThat(appeals.find(Filters.eq("_id", "appeal-" + (written - 1))).first().getString("status"))
				.isEqualTo("ROUTED");
		}
	}

	@Test
	void answersQueriesOnTheIdAndMoreFieldsAsBeforeAfterAReopening() throws Exception {
		for (int round = 0; round < 2; round++) {
			try (MongoStore store = MongoStore.start(this.directory, freePort());
					MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + store.port())) {
				MongoCollection<Document> cases = client.getDatabase("department").getCollection("cases");
				if (round == 0) {
					for (int i = 0; i < 50; i++) {
						cases.insertOne(new Document("_id", "case-" + i).append("version", 0).append("status", "OPEN"));
					}
				}
				// A guarded update: the wrong version changes nothing, the right one
				// changes that case only.
				long version = cases.find(Filters.eq("_id", "case-7")).first().getInteger("version");
				assertThat(cases
					.updateOne(Filters.and(Filters.eq("_id", "case-7"), Filters.eq("version", version + 5)),
							Updates.combine(Updates.set("status", "SIGNED"), Updates.inc("version", 1)))
					.getModifiedCount()).isZero();
				assertThat(cases
					.updateOne(Filters.and(Filters.eq("_id", "case-7"), Filters.eq("version", version)),
							Updates.combine(Updates.set("status", "SIGNED"), Updates.inc("version", 1)))
					.getModifiedCount()).isOne();
				assertThat(cases.countDocuments(Filters.and(Filters.eq("_id", "case-8"), Filters.eq("status", "OPEN"))))
					.isOne();
				assertThat(
						cases.countDocuments(Filters.and(Filters.eq("_id", "case-99"), Filters.eq("status", "OPEN"))))
					.isZero();
				assertThat(cases.countDocuments(Filters.eq("status", "SIGNED"))).isOne();
				// A list of ids with more fields: each id is looked up, the rest matched.
				assertThat(cases
					.find(Filters.and(Filters.in("_id", "case-1", "case-7", "case-99"), Filters.eq("status", "OPEN")))
					.map((c) -> c.getString("_id"))
					.into(new java.util.ArrayList<>())).containsExactly("case-1");
				assertThat(
						cases
							.updateMany(Filters.and(Filters.in("_id", "case-2", "case-3", "case-7"),
									Filters.eq("status", "OPEN")), Updates.inc("touched", 1))
							.getModifiedCount())
					.isEqualTo(2);
				assertThat(cases.countDocuments(Filters.eq("touched", round + 1))).isEqualTo(2);
				assertThat(cases.find(Filters.eq("_id", "case-7")).first().getInteger("version")).isEqualTo(round + 1);
				if (round == 1) {
					// Reopened, it still finds each document by its id and guards.
					assertThat(cases.deleteOne(Filters.and(Filters.eq("_id", "case-7"), Filters.eq("status", "OPEN")))
						.getDeletedCount()).isZero();
				}
				cases.updateOne(Filters.eq("_id", "case-7"), Updates.set("status", "OPEN"));
			}
		}
	}

	@Test
	void countsTheOperationsOfEachDatabaseCollectionAndCommand() throws Exception {
		try (MongoStore store = MongoStore.start(this.directory, freePort());
				MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + store.port())) {
			MongoCollection<Document> appeals = client.getDatabase("intake").getCollection("appeals");
			for (int i = 0; i < 3; i++) {
				appeals.insertOne(new Document("_id", "appeal-" + i).append("status", "SUBMITTED"));
			}
			appeals.find(Filters.eq("_id", "appeal-0")).first();
			appeals.find(Filters.eq("_id", "appeal-1")).first();
			appeals.updateOne(Filters.eq("_id", "appeal-2"), Updates.set("status", "ROUTED"));
			client.getDatabase("routing").getCollection("decisions").insertOne(new Document("_id", "appeal-0"));

			Document answer = client.getDatabase("admin").runCommand(new Document(MongoStore.OPERATION_COUNTS, 1));

			assertThat(answer.getList("operations", Document.class))
				.extracting((entry) -> entry.getString("database") + "." + entry.getString("collection") + " "
						+ entry.getString("command") + " " + entry.get("count"))
				.contains("intake.appeals insert 3", "intake.appeals find 2", "intake.appeals update 1",
						"routing.decisions insert 1")
				.noneMatch((entry) -> entry.startsWith("admin."));
		}
	}

	@Test
	void replaysInsertsUpdatesRemovalsAndUniqueKeysAcrossCheckpointsAndTwoKills() throws Exception {
		Map<String, Document> expected = new TreeMap<>();
		for (int life = 0; life < 2; life++) {
			int port = freePort();
			// Checkpoints every 20 ms: some writes reach the file, the rest only the
			// journal.
			Process store = storeProcess(port, 20);
			try (MongoClient client = MongoClients
				.create("mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=30000")) {
				MongoCollection<Document> cases = client.getDatabase("department").getCollection("cases");
				MongoCollection<Document> phones = client.getDatabase("routing").getCollection("recent_appeals");
				cases.createIndex(Indexes.ascending("trackingCode"), new IndexOptions().unique(true));
				for (int i = 0; i < 400; i++) {
					String id = "case-" + life + "-" + i;
					Document created = new Document("_id", id).append("trackingCode", "WS-" + life + "-" + i)
						.append("status", "OPEN")
						.append("version", 0);
					cases.insertOne(created);
					expected.put(id, created);
					if (i % 3 == 0) {
						cases.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("version", 0)),
								Updates.combine(Updates.set("status", "SIGNED"), Updates.inc("version", 1)));
						expected.put(id, new Document(created).append("status", "SIGNED").append("version", 1));
					}
					if (i % 7 == 0) {
						cases.deleteOne(Filters.eq("_id", id));
						expected.remove(id);
					}
					if (i % 11 == 0) {
						// The tracking code moves to a new case: the unique index
						// follows.
						String successor = id + "-again";
						cases.updateOne(Filters.eq("_id", id), Updates.set("trackingCode", "moved-" + id));
						if (expected.containsKey(id)) {
							expected.put(id, new Document(expected.get(id)).append("trackingCode", "moved-" + id));
						}
						Document again = new Document("_id", successor).append("trackingCode", "WS-" + life + "-" + i)
							.append("status", "OPEN")
							.append("version", 0);
						cases.insertOne(again);
						expected.put(successor, again);
					}
					phones.findOneAndUpdate(Filters.eq("_id", "phone-" + (i % 13)), Updates.push("appeals", id),
							new FindOneAndUpdateOptions().upsert(true));
				}
			}
			finally {
				store.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}

		try (MongoStore reopened = MongoStore.start(this.directory, freePort());
				MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + reopened.port())) {
			MongoCollection<Document> cases = client.getDatabase("department").getCollection("cases");
			Map<String, Document> stored = new TreeMap<>();
			cases.find().forEach((document) -> stored.put(document.getString("_id"), document));
			assertThat(stored).isEqualTo(expected);
			assertThat(client.getDatabase("routing")
				.getCollection("recent_appeals")
				.find(Filters.eq("_id", "phone-0"))
				.first()
				.getList("appeals", String.class)).hasSize(2 * (400 / 13 + 1));
			// The unique index holds, moved codes included; a code never used is free.
			for (String taken : new String[] { "WS-1-5", "moved-case-1-11", "WS-1-11", "WS-0-22" }) {
				assertThatThrownBy(() -> cases.insertOne(new Document("_id", "twin").append("trackingCode", taken)))
					.as(taken)
					.isInstanceOf(MongoWriteException.class);
			}
			cases.insertOne(new Document("_id", "new").append("trackingCode", "WS-9-9"));
		}
	}

	@Test
	void convertsAStoreWrittenInH2sDefaultFormatOnce() throws Exception {
		// As the store was written before it kept documents as BSON.
		H2Backend earlier = new H2Backend(this.directory.resolve("waystation.mv.db").toString());
		MongoServer server = new MongoServer(earlier);
		int port = freePort();
		server.bind(new java.net.InetSocketAddress("127.0.0.1", port));
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
			MongoCollection<Document> appeals = client.getDatabase("intake").getCollection("appeals");
			appeals.createIndex(Indexes.ascending("trackingCode"), new IndexOptions().unique(true));
			for (int i = 0; i < 20; i++) {
				appeals.insertOne(new Document("_id", "appeal-" + i).append("trackingCode", "WS-" + i)
					.append("submittedAt", java.util.Date.from(java.time.Instant.parse("2026-12-05T08:00:00Z")))
					.append("timeline", java.util.List.of(new Document("event", "AppealSubmitted"))));
			}
			client.getDatabase("notification").getCollection("inbox").insertOne(new Document("text", "您好"));
		}
		finally {
			server.shutdown();
		}

		for (int opening = 0; opening < 2; opening++) {
			try (MongoStore store = MongoStore.start(this.directory, freePort());
					MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + store.port())) {
				MongoCollection<Document> appeals = client.getDatabase("intake").getCollection("appeals");
				assertThat(appeals.countDocuments()).isEqualTo(20);
				Document seventh = appeals.find(Filters.eq("trackingCode", "WS-7")).first();
				assertThat(seventh.getString("_id")).isEqualTo("appeal-7");
				assertThat(seventh.getDate("submittedAt").toInstant())
					.isEqualTo(java.time.Instant.parse("2026-12-05T08:00:00Z"));
				assertThat(seventh.getList("timeline", Document.class)).hasSize(1);
				assertThatThrownBy(() -> appeals.insertOne(new Document("_id", "twin").append("trackingCode", "WS-7")))
					.isInstanceOf(MongoWriteException.class);
				assertThat(client.getDatabase("notification").getCollection("inbox").find().first().getString("text"))
					.isEqualTo("您好");
			}
		}
	}

	@Test
	void answersQueriesOnNonUniqueIndexesExactlyAsAFullReadDoesAlsoAfterAReopening() throws Exception {
		List<Bson> queries = List.of(Filters.eq("department", "HRSS"),
				Filters.and(Filters.eq("department", "HRSS"), Filters.in("status", "OPEN", "SIGNED")),
				Filters.and(Filters.eq("department", "HEALTH"), Filters.eq("status", "OPEN"),
						Filters.lt("resolveDueAt",
								java.util.Date.from(java.time.Instant.parse("2026-12-04T00:00:00Z")))),
				Filters.and(
						Filters.gte("openedAt", java.util.Date.from(java.time.Instant.parse("2026-12-02T00:00:00Z"))),
						Filters.lt("openedAt", java.util.Date.from(java.time.Instant.parse("2026-12-03T00:00:00Z")))),
				Filters.and(Filters.eq("department", "HRSS"), Filters.eq("status", null)),
				Filters.and(Filters.eq("department", "TRANSPORT"), Filters.ne("status", "RESOLVED")),
				Filters.eq("tags", "urgent"), Filters.in("tags", "urgent", "group"), Filters.eq("department", 7),
				Filters.and(Filters.eq("department", "HRSS"), Filters.in("status", "OPEN", "SIGNED"),
						Filters.eq("tags", "urgent")));
		for (int round = 0; round < 2; round++) {
			try (MongoStore store = MongoStore.start(this.directory, freePort());
					MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + store.port())) {
				MongoCollection<Document> indexed = client.getDatabase("department").getCollection("cases");
				MongoCollection<Document> plain = client.getDatabase("department").getCollection("plain_cases");
				if (round == 0) {
					indexed.createIndex(Indexes.ascending("department", "status", "resolveDueAt"));
					indexed.createIndex(Indexes.ascending("openedAt"));
					indexed.createIndex(Indexes.ascending("tags"));
					String[] departments = { "HRSS", "TRANSPORT", "HEALTH" };
					String[] statuses = { "OPEN", "SIGNED", "RESOLVED" };
					java.time.Instant start = java.time.Instant.parse("2026-12-01T00:00:00Z");
					for (int i = 0; i < 300; i++) {
						Document c = new Document("_id", "case-" + i).append("department", departments[i % 3])
							.append("openedAt", java.util.Date.from(start.plusSeconds(1200L * i)))
							.append("resolveDueAt", java.util.Date.from(start.plusSeconds(3600L * i)));
						if (i % 10 != 0) {
							c.append("status", statuses[(i / 3) % 3]);
						}
						if (i % 4 == 0) {
							c.append("tags", List.of("urgent", "group"));
						}
						indexed.insertOne(c);
						plain.insertOne(new Document(c));
					}
					// Changes and removals reach the index too.
					indexed.updateMany(Filters.eq("department", "TRANSPORT"), Updates.set("status", "SIGNED"));
					plain.updateMany(Filters.eq("department", "TRANSPORT"), Updates.set("status", "SIGNED"));
					indexed.deleteMany(Filters.and(Filters.eq("department", "HEALTH"), Filters.eq("status", "OPEN")));
					plain.deleteMany(Filters.and(Filters.eq("department", "HEALTH"), Filters.eq("status", "OPEN")));
				}
				for (Bson query : queries) {
					List<Document> expected = plain.find(query)
						.sort(Sorts.ascending("_id"))
						.into(new java.util.ArrayList<>());
					assertThat(indexed.find(query).sort(Sorts.ascending("_id")).into(new java.util.ArrayList<>()))
						.as(query.toString())
						.isEqualTo(expected);
					// Counted, and a page in the order of the index's next field, as a
					// full read does.
					assertThat(indexed.countDocuments(query)).as(query.toString())
						.isEqualTo(plain.countDocuments(query));
					CountOptions window = new CountOptions().skip(3).limit(5);
					assertThat(indexed.countDocuments(query, window)).as(query.toString())
						.isEqualTo(plain.countDocuments(query, window));
					for (String unique : List.of("resolveDueAt", "openedAt")) {
						// One field of distinct values: the order the index gives, page
						// by page.
						assertThat(indexed.find(query)
							.sort(Sorts.ascending(unique))
							.skip(2)
							.limit(7)
							.into(new java.util.ArrayList<>()))
							.as(query + " by " + unique)
							.isEqualTo(plain.find(query)
								.sort(Sorts.ascending(unique))
								.skip(2)
								.limit(7)
								.into(new java.util.ArrayList<>()));
					}
					for (String order : List.of("resolveDueAt", "status")) {
						assertThat(indexed.find(query)
							.sort(Sorts.ascending(order, "_id"))
							.skip(2)
							.limit(7)
							.into(new java.util.ArrayList<>()))
							.as(query + " by " + order)
							.isEqualTo(plain.find(query)
								.sort(Sorts.ascending(order, "_id"))
								.skip(2)
								.limit(7)
								.into(new java.util.ArrayList<>()));
					}
				}
				assertThat(indexed.find(Filters.eq("department", "HRSS"))
					.sort(Sorts.ascending("resolveDueAt"))
					.limit(5)
					.map((document) -> document.getString("_id"))
					.into(new java.util.ArrayList<>()))
					.containsExactly("case-0", "case-3", "case-6", "case-9", "case-12");
				// The indexes narrowed what was read: a third or less of the full reads.
				Map<String, Long> read = new java.util.HashMap<>();
				client.getDatabase("admin")
					.runCommand(new Document(MongoStore.OPERATION_COUNTS, 1))
					.getList("operations", Document.class)
					.stream()
					.filter((entry) -> entry.getString("command").equals(OperationCounts.DOCUMENTS_READ))
					.forEach((entry) -> read.put(entry.getString("collection"), entry.getLong("count")));
				assertThat(read.get("cases") * 3).isLessThan(read.get("plain_cases"));
			}
		}
	}

	@Test
	void readsAQueuePageAndItsCountFromTheIndexNotFromEveryDocument() throws Exception {
		try (MongoStore store = MongoStore.start(this.directory, freePort());
				MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + store.port())) {
			MongoCollection<Document> cases = client.getDatabase("department").getCollection("cases");
			cases.createIndex(Indexes.ascending("department", "status", "resolveDueAt"));
			String[] statuses = { "OPEN", "SIGNED", "IN_PROGRESS", "RESOLVED" };
			java.time.Instant start = java.time.Instant.parse("2026-12-01T00:00:00Z");
			List<Document> all = new java.util.ArrayList<>();
			for (int i = 0; i < 2000; i++) {
				// Deadlines repeat, so the page's order needs the ids too.
				all.add(new Document("_id", String.format(java.util.Locale.ROOT, "case-%04d", 1999 - i))
					.append("department", (i % 2 == 0) ? "HRSS" : "HEALTH")
					.append("status", statuses[i % 4 / 2 + (i % 3 == 0 ? 2 : 0)])
					.append("resolveDueAt", java.util.Date.from(start.plusSeconds(3600L * (i % 50)))));
			}
			cases.insertMany(all);
			Bson queue = Filters.and(Filters.eq("department", "HRSS"),
					Filters.in("status", "OPEN", "SIGNED", "IN_PROGRESS"));
			long before = documentsRead(client, "cases");

			long counted = cases.countDocuments(queue);
			List<String> page = cases.find(queue)
				.sort(Sorts.ascending("resolveDueAt", "_id"))
				.skip(20)
				.limit(20)
				.map((document) -> document.getString("_id"))
				.into(new java.util.ArrayList<>());

			List<Document> matching = all.stream()
				.filter((c) -> c.getString("department").equals("HRSS")
						&& List.of("OPEN", "SIGNED", "IN_PROGRESS").contains(c.getString("status")))
				.sorted(java.util.Comparator.comparing((Document c) -> c.getDate("resolveDueAt"))
					.thenComparing((c) -> c.getString("_id")))
				.toList();
			assertThat(counted).isEqualTo(matching.size()).isGreaterThan(500);
			assertThat(page).isEqualTo(matching.subList(20, 40).stream().map((c) -> c.getString("_id")).toList());
			// A count of the whole collection sends no query at all.
			assertThat(cases.estimatedDocumentCount()).isEqualTo(2000);
			// The count read no document; the page read its own and the ones it skipped.
			assertThat(documentsRead(client, "cases") - before).isEqualTo(40);

			// A department's cases in every status, by deadline: read status by status in
			// the index's order, as far as the page goes.
			before = documentsRead(client, "cases");
			List<String> everyStatus = cases.find(Filters.eq("department", "HEALTH"))
				.sort(Sorts.ascending("resolveDueAt", "_id"))
				.skip(20)
				.limit(20)
				.map((document) -> document.getString("_id"))
				.into(new java.util.ArrayList<>());
			assertThat(everyStatus).isEqualTo(all.stream()
				.filter((c) -> c.getString("department").equals("HEALTH"))
				.sorted(java.util.Comparator.comparing((Document c) -> c.getDate("resolveDueAt"))
					.thenComparing((c) -> c.getString("_id")))
				.skip(20)
				.limit(20)
				.map((c) -> c.getString("_id"))
				.toList());
			assertThat(documentsRead(client, "cases") - before).isEqualTo(40);
		}
	}

	@Test
	void givesADocumentWithAnArrayInTheIndexOncePerPage() throws Exception {
		try (MongoStore store = MongoStore.start(this.directory, freePort());
				MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + store.port())) {
			MongoCollection<Document> indexed = client.getDatabase("department").getCollection("tagged");
			MongoCollection<Document> plain = client.getDatabase("department").getCollection("plain_tagged");
			indexed.createIndex(Indexes.ascending("department", "tags", "resolveDueAt"));
			java.time.Instant start = java.time.Instant.parse("2026-12-01T00:00:00Z");
			List<List<String>> tags = List.of(List.of("urgent", "group"), List.of("group"), List.of(),
					List.of("urgent", "night", "group"));
			for (int i = 0; i < 120; i++) {
				Document c = new Document("_id", "case-" + i).append("department", (i % 3 == 0) ? "HRSS" : "HEALTH")
					.append("tags", tags.get(i % 4))
					.append("resolveDueAt", java.util.Date.from(start.plusSeconds(3600L * (i % 17))));
				indexed.insertOne(c);
				plain.insertOne(new Document(c));
			}
			for (Bson query : List.of(Filters.eq("department", "HEALTH"),
					Filters.and(Filters.eq("department", "HEALTH"), Filters.in("tags", "urgent", "group")))) {
				for (int skip : List.of(0, 9, 30)) {
					assertThat(indexed.find(query)
						.sort(Sorts.ascending("resolveDueAt", "_id"))
						.skip(skip)
						.limit(12)
						.into(new java.util.ArrayList<>()))
						.as(query + " from " + skip)
						.isEqualTo(plain.find(query)
							.sort(Sorts.ascending("resolveDueAt", "_id"))
							.skip(skip)
							.limit(12)
							.into(new java.util.ArrayList<>()));
				}
			}
		}
	}

	private static long documentsRead(MongoClient client, String collection) {
		return client.getDatabase("admin")
			.runCommand(new Document(MongoStore.OPERATION_COUNTS, 1))
			.getList("operations", Document.class)
			.stream()
			.filter((entry) -> entry.getString("command").equals(OperationCounts.DOCUMENTS_READ)
					&& entry.getString("collection").equals(collection))
			.mapToLong((entry) -> entry.getLong("count"))
			.sum();
	}

	private static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
