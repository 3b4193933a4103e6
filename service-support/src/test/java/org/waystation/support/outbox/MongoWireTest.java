package org.waystation.support.outbox;

import java.io.IOException;
import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.waystation.store.MongoStore;

/**
 * The local stack's store over TCP for the tests of a class, in a directory of its own.
 */
abstract class MongoWireTest {

	@TempDir
	static Path directory;

	static MongoStore server;

	static MongoClient client;

	static MongoTemplate mongo;

	@BeforeAll
	static void startServer() throws IOException {
		server = MongoStore.start(directory, 0, MongoStore.CHECKPOINT_MILLIS, MongoStore.TEST_CACHE_MIB);
		client = MongoClients.create("mongodb://127.0.0.1:" + server.port());
		mongo = new MongoTemplate(client, "outbox");
	}

	@AfterAll
	static void stopServer() {
		client.close();
		server.close();
	}

}
