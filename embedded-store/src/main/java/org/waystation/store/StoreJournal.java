package org.waystation.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The embedded store's redo log. Every change a write makes to a document (its new state,
 * or its removal) is appended here, and the write is acknowledged once the journal holds
 * it; the H2 file itself is written only at checkpoints, with the sequence number it
 * covers. Opened again after a crash, the store replays what the journal holds beyond
 * that number. Appending a few kilobytes costs far less than committing H2's changed
 * pages after every write, and writes arriving together share one file write.
 *
 * <p>
 * The journal is a series of segment files ({@code journal-<first sequence>.log}); a
 * checkpoint starts a new segment and deletes the ones it covers. Each record is its
 * length, a CRC-32, its sequence number and a BSON document: the namespace, the
 * document's id and its new state (none for a removal). A record torn by a crash fails
 * its CRC and ends the replay; it was never acknowledged. Like the H2 commits before it,
 * a record reaches the operating system, not the disk: it survives a {@code kill -9} of
 * the process, not a crash of the machine.
 */
final class StoreJournal implements AutoCloseable {

	private static final String PREFIX = "journal-";

	private static final String SUFFIX = ".log";

	private final Path directory;

	private final Object lock = new Object();

	private static final int BUFFER_BYTES = 64 * 1024;

	/**
	 * Records appended and not yet written, in sequence; and the buffer the writer is
	 * writing from, swapped with it.
	 */
	private ByteBuf pending = Unpooled.buffer(BUFFER_BYTES);

	private ByteBuf spare = Unpooled.buffer(BUFFER_BYTES);

	/** Held while the current segment is written to or replaced. */
	private final java.util.concurrent.locks.ReentrantLock file = new java.util.concurrent.locks.ReentrantLock();

	/** The last sequence number given out, and the last one written to the file. */
	private long appended;

	private long written;

	private FileChannel segment;

	private final Thread writer;

	private volatile boolean open = true;

	private IOException failure;

	private StoreJournal(Path directory, long checkpoint) throws IOException {
		this.directory = directory;
		this.appended = checkpoint;
		this.written = checkpoint;
		this.segment = openSegment(checkpoint + 1);
		this.writer = new Thread(this::writeLoop, "store-journal");
		this.writer.setDaemon(true);
		this.writer.start();
	}

	/**
	 * Replays the records after the checkpoint (every record of every segment whose
	 * sequence number is above it, in order), then opens the journal for appending.
	 */
	static StoreJournal open(Path directory, long checkpoint, Consumer<Change> replay) throws IOException {
		Files.createDirectories(directory);
		long last = checkpoint;
		for (Path file : segments(directory)) {
			for (Change change : read(file)) {
				if (change.sequence() > last) {
					replay.accept(change);
					last = change.sequence();
				}
			}
		}
		return new StoreJournal(directory, last);
	}

	/** A change to one document: its new state, or null when it was removed. */
	record Change(long sequence, String namespace, Object id, Document document) {

	}

	/**
	 * Appends a change; the caller waits for {@link #awaitWritten} with the number before
	 * it acknowledges the write. Called while the collection is locked, so the changes of
	 * one collection are appended in the order they were made.
	 */
	long append(String namespace, Object id, Document document) {
		Document change = new Document();
		change.put("n", namespace);
		change.put("i", id);
		if (document != null) {
			change.put("d", document);
		}
		ByteBuf encoded = Unpooled.buffer(512);
		BsonEncoder.encodeDocument(change, encoded);
		synchronized (this.lock) {
			long sequence = ++this.appended;
			int start = this.pending.writerIndex();
			this.pending.writeInt(8 + encoded.readableBytes());
			this.pending.writeInt(0);
			this.pending.writeLong(sequence);
			this.pending.writeBytes(encoded);
			CRC32 crc = new CRC32();
			crc.update(this.pending.nioBuffer(start + 8, this.pending.writerIndex() - start - 8));
			this.pending.setInt(start + 4, (int) crc.getValue());
			this.lock.notifyAll();
			return sequence;
		}
	}

	/** The last sequence number given out. */
	long appended() {
		synchronized (this.lock) {
			return this.appended;
		}
	}

	/** Waits until the file holds every record up to this sequence number. */
	void awaitWritten(long sequence) throws IOException {
		synchronized (this.lock) {
			while (this.written < sequence) {
				if (this.failure != null) {
					throw this.failure;
				}
				if (!this.open) {
					throw new IOException("The store's journal is closed");
				}
				try {
					this.lock.wait();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IOException("Interrupted while waiting for the store's journal", ex);
				}
			}
		}
	}

	/**
	 * After a checkpoint that covers every record up to this sequence number: writes what
	 * is pending, starts a new segment and deletes the ones the checkpoint covers. The
	 * caller holds off every write while it runs.
	 */
	void checkpointed(long sequence) throws IOException {
		this.file.lock();
		try {
			writePending();
			this.segment.close();
			this.segment = openSegment(sequence + 1);
			for (Path file : segments(this.directory)) {
				if (firstSequence(file) <= sequence) {
					Files.deleteIfExists(file);
				}
			}
		}
		finally {
			this.file.unlock();
		}
	}

	private void writeLoop() {
		while (this.open) {
			synchronized (this.lock) {
				while (this.open && this.pending.readableBytes() == 0) {
					try {
						this.lock.wait();
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}
			this.file.lock();
			try {
				writePending();
			}
			catch (IOException ex) {
				synchronized (this.lock) {
					this.failure = ex;
					this.lock.notifyAll();
				}
				return;
			}
			finally {
				this.file.unlock();
			}
		}
	}

	/**
	 * Writes every record appended so far, letting appends go on meanwhile into the other
	 * buffer; holding the file lock.
	 */
	private void writePending() throws IOException {
		ByteBuf records;
		long upTo;
		synchronized (this.lock) {
			records = this.pending;
			upTo = this.appended;
			this.pending = this.spare;
			this.spare = records;
		}
		ByteBuffer bytes = records.nioBuffer();
		while (bytes.hasRemaining()) {
			this.segment.write(bytes);
		}
		records.clear();
		if (records.capacity() > BUFFER_BYTES * 16) {
			records.capacity(BUFFER_BYTES);
		}
		synchronized (this.lock) {
			this.written = upTo;
			this.lock.notifyAll();
		}
	}

	private FileChannel openSegment(long firstSequence) throws IOException {
		return FileChannel.open(this.directory.resolve(PREFIX + firstSequence + SUFFIX), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE, StandardOpenOption.APPEND);
	}

	private static List<Path> segments(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((file) -> file.getFileName().toString().startsWith(PREFIX))
				.filter((file) -> file.getFileName().toString().endsWith(SUFFIX))
				.sorted(java.util.Comparator.comparingLong(StoreJournal::firstSequence))
				.toList();
		}
	}

	private static long firstSequence(Path file) {
		String name = file.getFileName().toString();
		return Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
	}

	/** The records of a segment up to the first torn or damaged one. */
	private static List<Change> read(Path file) throws IOException {
		ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.BIG_ENDIAN);
		List<Change> changes = new ArrayList<>();
		while (bytes.remaining() >= 8) {
			int length = bytes.getInt();
			int expected = bytes.getInt();
			if (length < 13 || length > bytes.remaining()) {
				break;
			}
			CRC32 crc = new CRC32();
			crc.update(bytes.slice(bytes.position(), length));
			if ((int) crc.getValue() != expected) {
				break;
			}
			long sequence = bytes.getLong(bytes.position());
			ByteBuf record = Unpooled.wrappedBuffer(bytes.slice(bytes.position() + 8, length - 8));
			bytes.position(bytes.position() + length);
			Document change = BsonDecoder.decodeBson(record);
			changes.add(new Change(sequence, (String) change.get("n"), change.get("i"), (Document) change.get("d")));
		}
		return changes;
	}

	@Override
	public void close() {
		this.file.lock();
		try {
			writePending();
			this.segment.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			this.file.unlock();
			synchronized (this.lock) {
				this.open = false;
				this.lock.notifyAll();
			}
		}
	}

}
