package org.waystation.support.outbox;

import java.net.InetSocketAddress;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A MongoDB-wire server over TCP for the tests of a class, with a database of its own.
 */
abstract class MongoWireTest {

	static MongoServer server;

	static MongoClient client;

	static MongoTemplate mongo;

	@BeforeAll
	static void startServer() {
		server = new MongoServer(new MemoryBackend());
		InetSocketAddress address = server.bind();
		client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
		mongo = new MongoTemplate(client, "outbox");
	}

	@AfterAll
	static void stopServer() {
		client.close();
		server.shutdown();
	}

}
