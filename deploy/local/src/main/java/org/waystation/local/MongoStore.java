package org.waystation.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server with its H2 backend in one file, so data survives a restart of the
 * stack. Every write is committed to the file before it is acknowledged (writes arriving
 * together share one commit), so an acknowledged write survives a {@code kill -9} of the
 * launcher; it is not flushed to the disk itself (no fsync), so a power cut or a crash of
 * the machine may still lose the last ones.
 */
final class MongoStore implements AutoCloseable {

	/**
	 * The commit delay behind the per-write commit, for anything that does not come as an
	 * OP_MSG command (every driver in use sends those).
	 */
	static final int COMMIT_DELAY_MILLIS = 100;

	/** The commands that change data: each is committed before its answer goes out. */
	private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "createindexes",
			"create", "drop", "dropdatabase", "dropindexes", "renamecollection");

	/**
	 * Threads answering clients. A write holds its thread until its commit, and every
	 * connection is served by one thread, so with the server's default (two per core)
	 * four writes at most shared a commit and reads queued behind them; with a thread for
	 * about every connection of the services' pools, the writes arriving together share
	 * one commit and a read waits for no one's commit.
	 */
	static final int WORKER_THREADS = 64;

	/**
	 * The command that answers how many operations the store has served, per database,
	 * collection and command (for the benchmark's table of operations per appeal).
	 */
	static final String OPERATION_COUNTS = "waystationOperationCounts";

	/** The H2 page cache, in MiB (H2's default is 16). */
	static final int CACHE_MIB = 384;

	private final H2Backend backend;

	private final MongoServer server;

	private final int port;

	private MongoStore(H2Backend backend, MongoServer server, int port) {
		this.backend = backend;
		this.server = server;
		this.port = port;
	}

	int port() {
		return this.port;
	}

	static MongoStore start(Path directory, int port) throws IOException {
		Files.createDirectories(directory);
		// A page cache large enough for the working set: every miss reads and
		// deserialises a page.
		MVStore store = new MVStore.Builder().fileName(directory.resolve("waystation.mv.db").toString())
			.cacheSize(CACHE_MIB)
			.open();
		store.setAutoCommitDelay(COMMIT_DELAY_MILLIS);
		H2Backend backend = new CommittingBackend(store);
		MongoServer server = new MongoServer(backend);
		server.bind(new InetSocketAddress("127.0.0.1", port), 1, WORKER_THREADS);
		return new MongoStore(backend, server, port);
	}

	/**
	 * The H2 backend, answering a write (an OP_MSG command that changes data) only once a
	 * commit that includes it has reached the file. Commits are grouped: one commit
	 * thread covers every write that finished before it started, so concurrent writes
	 * share one.
	 */
	private static final class CommittingBackend extends H2Backend {

		private final Object lock = new Object();

		/**
		 * Writes applied and waiting for a commit, counted; and how many are committed.
		 */
		private long applied;

		private long committed;

		private volatile boolean open = true;

		private final OperationCounts operations = new OperationCounts();

		CommittingBackend(MVStore store) {
			super(store);
			Thread committer = new Thread(this::commitLoop, "store-group-commit");
			committer.setDaemon(true);
			committer.start();
		}

		@Override
		protected MongoDatabase openOrCreateDatabase(String databaseName) {
			return IdLookupStore.database(databaseName, getMvStore(), getCursorRegistry());
		}

		@Override
		public Document handleMessage(MongoMessage message) {
			Document request = message.getDocument();
			String command = request.keySet().stream().findFirst().orElse("");
			if (OPERATION_COUNTS.equals(command)) {
				return this.operations.answer();
			}
			this.operations.count(message.getDatabaseName(), command, request);
			Document answer = super.handleMessage(message);
			if (WRITES.contains(command.toLowerCase(Locale.ROOT))) {
				awaitCommit();
			}
			return answer;
		}

		private void awaitCommit() {
			synchronized (this.lock) {
				long mine = ++this.applied;
				this.lock.notifyAll();
				while (this.committed < mine && this.open) {
					try {
						this.lock.wait();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
				}
			}
		}

		private void commitLoop() {
			while (this.open) {
				long target;
				synchronized (this.lock) {
					while (this.applied == this.committed && this.open) {
						try {
							this.lock.wait();
						}
						catch (InterruptedException ex) {
							return;
						}
					}
					target = this.applied;
				}
				// Every write counted in target was applied before it was counted.
				commit();
				synchronized (this.lock) {
					this.committed = target;
					this.lock.notifyAll();
				}
			}
		}

		@Override
		public void close() {
			synchronized (this.lock) {
				this.open = false;
				this.lock.notifyAll();
			}
			super.close();
		}

	}

	@Override
	public void close() {
		this.server.shutdown();
		// Closing the store commits what is still in memory.
		this.backend.close();
	}

}
