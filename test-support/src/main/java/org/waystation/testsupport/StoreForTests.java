package org.waystation.testsupport;

import java.io.IOException;
import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.waystation.store.MongoStore;

/**
 * The local stack's store alone (no Kafka), in a directory the test gives and on a free
 * loopback port, with a client: for tests of queries as the store answers them, index
 * planner included. Closing it closes the client and the store.
 */
public final class StoreForTests implements AutoCloseable {

	private final MongoStore server;

	private final MongoClient client;

	private StoreForTests(MongoStore server) {
		this.server = server;
		this.client = MongoClients.create("mongodb://127.0.0.1:" + server.port());
	}

	public static StoreForTests start(Path directory) throws IOException {
		return new StoreForTests(
				MongoStore.start(directory, 0, MongoStore.CHECKPOINT_MILLIS, MongoStore.TEST_CACHE_MIB));
	}

	public MongoClient client() {
		return this.client;
	}

	public MongoTemplate template(String database) {
		return new MongoTemplate(this.client, database);
	}

	@Override
	public void close() {
		this.client.close();
		this.server.close();
	}

}
