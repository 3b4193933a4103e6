package org.waystation.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server with its H2 backend in one file, so data survives a restart of the
 * stack, and a journal beside it (see {@link StoreJournal}). A write is acknowledged once
 * the journal holds what it changed; writes arriving together share one journal write.
 * The H2 file is written at checkpoints (every {@value #CHECKPOINT_MILLIS} ms while there
 * are changes, after a change to the schema, and on close), each recording the journal
 * position it covers; started again, the store replays the journal beyond it. So an
 * acknowledged write survives a {@code kill -9} of the launcher; neither the journal nor
 * the file is flushed to the disk itself (no fsync), so a power cut or a crash of the
 * machine may still lose the last ones.
 */
public final class MongoStore implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(MongoStore.class);

	/** How often the H2 file takes in what the journal holds. */
	public static final long CHECKPOINT_MILLIS = 1000;

	/** Every this many checkpoints, partly empty parts of the H2 file are rewritten. */
	static final int COMPACT_EVERY = 30;

	/**
	 * The commands that change documents: each waits for the journal before its answer.
	 */
	private static final Set<String> DOCUMENT_WRITES = Set.of("insert", "update", "delete", "findandmodify");

	/**
	 * The commands that change collections or indexes: each is written to the H2 file
	 * with a checkpoint before its answer.
	 */
	private static final Set<String> SCHEMA_WRITES = Set.of("createindexes", "create", "drop", "dropdatabase",
			"dropindexes", "renamecollection");

	/**
	 * Threads answering clients. A write holds its thread until the journal holds it, and
	 * every connection is served by one thread, so a thread for about every connection of
	 * the services' pools lets the writes arriving together share one journal write and a
	 * read wait for no one's.
	 */
	static final int WORKER_THREADS = 64;

	/**
	 * The command that answers how many operations the store has served, per database,
	 * collection and command (for the benchmark's table of operations per appeal).
	 */
	public static final String OPERATION_COUNTS = "waystationOperationCounts";

	/** The H2 page cache of the local stack's store, in MiB (H2's default is 16). */
	public static final int CACHE_MIB = 384;

	/** The H2 page cache of a test's store, in MiB: tests hold little, in lean JVMs. */
	public static final int TEST_CACHE_MIB = 16;

	/** The map in the H2 file that holds the journal position of the last checkpoint. */
	private static final String JOURNAL_MAP = "waystation.journal";

	private static final String CHECKPOINT_KEY = "checkpoint";

	private final JournalingBackend backend;

	private final MongoServer server;

	private final ScheduledExecutorService checkpoints;

	private final int port;

	private MongoStore(JournalingBackend backend, MongoServer server, ScheduledExecutorService checkpoints, int port) {
		this.backend = backend;
		this.server = server;
		this.checkpoints = checkpoints;
		this.port = port;
	}

	/** The port the store listens on, on loopback. */
	public int port() {
		return this.port;
	}

	/** The local stack's store, in a directory of its own, on a given port. */
	public static MongoStore start(Path directory, int port) throws IOException {
		return start(directory, port, CHECKPOINT_MILLIS, CACHE_MIB);
	}

	/**
	 * A store in a directory of its own, on a given port or, for {@code 0}, on a free
	 * one.
	 * @param checkpointMillis how often the H2 file takes in what the journal holds
	 * @param cacheMib the H2 page cache, in MiB
	 */
	public static MongoStore start(Path directory, int port, long checkpointMillis, int cacheMib) throws IOException {
		Files.createDirectories(directory);
		// A page cache large enough for the working set: every miss reads and
		// deserialises a page. The file is written only at checkpoints, which hold the
		// writes off: no background commit, and no commit from a write when the unsaved
		// pages pass a size (that one ran while other writes went on, and could take in a
		// write the journal did not hold yet).
		MVStore store = new MVStore.Builder().fileName(directory.resolve("waystation.mv.db").toString())
			.cacheSize(cacheMib)
			.autoCommitDisabled()
			.autoCommitBufferSize(0)
			.open();
		StoreFormat.convert(store);
		JournalingBackend backend = new JournalingBackend(store);
		backend.openJournal(directory.resolve("journal"));
		MongoServer server = new MongoServer(backend);
		server.bind(new InetSocketAddress("127.0.0.1", port), 1, WORKER_THREADS);
		ScheduledExecutorService checkpoints = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "store-checkpoint");
			thread.setDaemon(true);
			return thread;
		});
		checkpoints.scheduleWithFixedDelay(backend::checkpointIfChanged, checkpointMillis, checkpointMillis,
				TimeUnit.MILLISECONDS);
		return new MongoStore(backend, server, checkpoints, server.getLocalAddress().getPort());
	}

	/**
	 * The H2 backend whose collections report every change of a document to the journal
	 * (see {@link IdLookupStore}), answering a document write only once the journal holds
	 * its changes.
	 */
	private static final class JournalingBackend extends H2Backend implements IdLookupStore.CollectionEvents {

		/**
		 * Writes hold it shared while they run; a checkpoint holds it alone, so that the
		 * H2 file it writes holds every write whose changes the journal position covers
		 * and no other.
		 */
		private final ReentrantReadWriteLock checkpointLock = new ReentrantReadWriteLock(true);

		/**
		 * The changes the command this thread runs has made, and whether it created a
		 * collection. Static: H2's backend opens the databases from its constructor,
		 * before a subclass's fields are set.
		 */
		private static final ThreadLocal<Command> running = new ThreadLocal<>();

		private final OperationCounts operations = new OperationCounts();

		private final MVMap<String, Long> journalPosition;

		private volatile StoreJournal journal;

		private long checkpointed;

		private int checkpointsSinceCompaction;

		private boolean closed;

		JournalingBackend(MVStore store) {
			super(store);
			this.journalPosition = store.openMap(JOURNAL_MAP);
		}

		/**
		 * Replays what the journal holds beyond the last checkpoint, takes it into the H2
		 * file and opens the journal for what follows.
		 */
		void openJournal(Path directory) throws IOException {
			long checkpoint = this.journalPosition.getOrDefault(CHECKPOINT_KEY, 0L);
			int[] replayed = { 0 };
			StoreJournal opened = StoreJournal.open(directory, checkpoint, (change) -> {
				replay(change);
				replayed[0]++;
			});
			if (replayed[0] > 0) {
				log.info("Replayed {} changes from the store's journal", replayed[0]);
			}
			this.journal = opened;
			this.checkpointed = checkpoint;
			checkpoint();
		}

		private void replay(StoreJournal.Change change) {
			int dot = change.namespace().indexOf('.');
			MongoDatabase database = resolveDatabase(change.namespace().substring(0, dot));
			MongoCollection<?> collection = database.resolveCollection(change.namespace().substring(dot + 1), true);
			for (Document existing : collection.handleQuery(new Document("_id", change.id()))) {
				collection.removeDocument(existing);
			}
			if (change.document() != null) {
				collection.addDocument(change.document());
			}
		}

		@Override
		protected MongoDatabase openOrCreateDatabase(String databaseName) {
			createdCollection();
			return IdLookupStore.database(databaseName, getMvStore(), getCursorRegistry(), this);
		}

		@Override
		public void changed(String namespace, Object id, Document document) {
			StoreJournal current = this.journal;
			Command command = running.get();
			if (current != null && command != null) {
				command.lastChange = current.append(namespace, id, document);
			}
		}

		@Override
		public void read(String namespace, long documents) {
			// Null while H2's backend opens the databases from its constructor.
			OperationCounts counts = this.operations;
			if (counts != null) {
				counts.read(namespace, documents);
			}
		}

		@Override
		public boolean writing() {
			return running.get() != null;
		}

		@Override
		public void createdCollection() {
			Command command = running.get();
			if (command != null) {
				command.createdCollection = true;
			}
		}

		@Override
		public Document handleMessage(MongoMessage message) {
			Document request = message.getDocument();
			String command = request.keySet().stream().findFirst().orElse("");
			if (OPERATION_COUNTS.equals(command)) {
				return this.operations.answer();
			}
			this.operations.count(message.getDatabaseName(), command, request);
			String name = command.toLowerCase(Locale.ROOT);
			if (name.equals("aggregate")) {
				Document counted = countDocuments(message.getDatabaseName(), request);
				if (counted != null) {
					return counted;
				}
			}
			if (DOCUMENT_WRITES.contains(name)) {
				return write(message);
			}
			if (SCHEMA_WRITES.contains(name)) {
				this.checkpointLock.writeLock().lock();
				try {
					return super.handleMessage(message);
				}
				finally {
					checkpointHoldingTheLock();
					this.checkpointLock.writeLock().unlock();
				}
			}
			return super.handleMessage(message);
		}

		/**
		 * The answer to the pipeline the drivers send for {@code countDocuments}
		 * ({@code $match}, then {@code $skip} or {@code $limit}, then {@code $group:
		 * {_id: 1, n: {$sum: 1}}}), counted through the query planner: the server runs a
		 * pipeline over every document of the collection, whatever the indexes. Null for
		 * any other pipeline.
		 */
		private Document countDocuments(String databaseName, Document request) {
			if (!(request.get("aggregate") instanceof String collectionName)
					|| !(request.get("pipeline") instanceof List<?> pipeline) || pipeline.size() < 2
					|| !(pipeline.get(0) instanceof Document first) || !(first.get("$match") instanceof Document query)
					|| first.size() != 1 || !isCountGroup(pipeline.get(pipeline.size() - 1))) {
				return null;
			}
			int skip = 0;
			int limit = 0;
			for (Object stage : pipeline.subList(1, pipeline.size() - 1)) {
				if (stage instanceof Document step && step.size() == 1 && step.get("$skip") instanceof Number n) {
					skip = n.intValue();
				}
				else if (stage instanceof Document step && step.size() == 1 && step.get("$limit") instanceof Number n) {
					limit = n.intValue();
				}
				else {
					return null;
				}
			}
			MongoCollection<?> collection = resolveDatabase(databaseName).resolveCollection(collectionName, false);
			int count = (collection != null) ? collection.count(query, skip, limit) : 0;
			Document cursor = new Document();
			cursor.put("firstBatch", (count > 0) ? List.of(new Document("_id", 1).append("n", count)) : List.of());
			cursor.put("id", 0L);
			cursor.put("ns", databaseName + "." + collectionName);
			Document answer = new Document();
			answer.put("cursor", cursor);
			answer.put("ok", 1.0);
			return answer;
		}

		private static boolean isCountGroup(Object stage) {
			return stage instanceof Document step && step.size() == 1 && step.get("$group") instanceof Document group
					&& group.size() == 2 && group.get("_id") instanceof Number id && id.intValue() == 1
					&& group.get("n") instanceof Document sum && sum.size() == 1
					&& sum.get("$sum") instanceof Number one && one.intValue() == 1;
		}

		private Document write(MongoMessage message) {
			Command command = new Command();
			Document answer;
			this.checkpointLock.readLock().lock();
			running.set(command);
			try {
				answer = super.handleMessage(message);
			}
			finally {
				running.remove();
				this.checkpointLock.readLock().unlock();
			}
			if (command.createdCollection) {
				// A new collection reaches the file with a checkpoint: the journal
				// replays changes to collections the file knows.
				checkpoint();
			}
			else if (command.lastChange > 0) {
				try {
					this.journal.awaitWritten(command.lastChange);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
			return answer;
		}

		void checkpointIfChanged() {
			try {
				if (this.journal.appended() > this.checkpointed) {
					checkpoint();
				}
			}
			catch (RuntimeException ex) {
				log.warn("Store checkpoint failed, retrying: {}", ex.getMessage());
			}
		}

		void checkpoint() {
			this.checkpointLock.writeLock().lock();
			try {
				checkpointHoldingTheLock();
			}
			finally {
				this.checkpointLock.writeLock().unlock();
			}
		}

		private void checkpointHoldingTheLock() {
			long sequence = this.journal.appended();
			this.journalPosition.put(CHECKPOINT_KEY, sequence);
			if (++this.checkpointsSinceCompaction >= COMPACT_EVERY) {
				this.checkpointsSinceCompaction = 0;
				getMvStore().compact(80, 16 * 1024 * 1024);
			}
			getMvStore().commit();
			try {
				this.journal.checkpointed(sequence);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.checkpointed = sequence;
		}

		/**
		 * Takes everything into the H2 file and closes it; once (the server closes its
		 * backend when it shuts down).
		 */
		@Override
		public synchronized void close() {
			if (this.closed) {
				return;
			}
			this.closed = true;
			if (this.journal != null) {
				checkpoint();
				this.journal.close();
			}
			super.close();
		}

		/** What one write command changed. */
		private static final class Command {

			long lastChange;

			boolean createdCollection;

		}

	}

	@Override
	public void close() {
		// No interrupt: an interrupted write closes H2's file channel under a checkpoint.
		this.checkpoints.shutdown();
		try {
			this.checkpoints.awaitTermination(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.server.shutdown();
		// The last checkpoint takes in everything, then the file is closed.
		this.backend.close();
	}

}
