package org.waystation.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server with its H2 backend in one file, so data survives a restart of the
 * stack. Writes are committed to disk within {@link #COMMIT_DELAY_MILLIS} and on every
 * clean stop.
 */
final class MongoStore implements AutoCloseable {

	/**
	 * How long an acknowledged write may stay only in memory; only a hard kill loses it.
	 */
	static final int COMMIT_DELAY_MILLIS = 100;

	/** The H2 page cache, in MiB (H2's default is 16). */
	static final int CACHE_MIB = 384;

	private final H2Backend backend;

	private final MongoServer server;

	private MongoStore(H2Backend backend, MongoServer server) {
		this.backend = backend;
		this.server = server;
	}

	static MongoStore start(Path directory, int port) throws IOException {
		Files.createDirectories(directory);
		// A page cache large enough for the working set: every miss reads and
		// deserialises a page.
		MVStore store = new MVStore.Builder().fileName(directory.resolve("waystation.mv.db").toString())
			.cacheSize(CACHE_MIB)
			.open();
		store.setAutoCommitDelay(COMMIT_DELAY_MILLIS);
		H2Backend backend = new H2Backend(store);
		MongoServer server = new MongoServer(backend);
		server.bind("127.0.0.1", port);
		return new MongoStore(backend, server);
	}

	@Override
	public void close() {
		this.server.shutdown();
		// Closing the store commits what is still in memory.
		this.backend.close();
	}

}
