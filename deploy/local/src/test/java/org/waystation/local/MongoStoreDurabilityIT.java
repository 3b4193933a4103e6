package org.waystation.local;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded store in a process of its own, killed with SIGKILL right after the last
 * acknowledged write: reopened, it has every acknowledged write.
 */
class MongoStoreDurabilityIT {

	/** The store alone, as the launcher hosts it. */
	public static final class StoreOnly {

		public static void main(String[] args) throws Exception {
			MongoStore.start(Path.of(args[0]), Integer.parseInt(args[1]));
			new CountDownLatch(1).await(10, TimeUnit.MINUTES);
		}

	}

	@TempDir
	Path directory;

	@Test
	void keepsEveryAcknowledgedWriteThroughAKillOfItsProcess() throws Exception {
		int port = freePort();
		Process store = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx256m", "-cp", System.getProperty("java.class.path"), StoreOnly.class.getName(),
				this.directory.toString(), String.valueOf(port))
			.redirectErrorStream(true)
			.start();
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

	private static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
