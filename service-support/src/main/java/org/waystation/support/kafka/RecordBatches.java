package org.waystation.support.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;

import org.springframework.kafka.listener.BatchListenerFailedException;
import org.waystation.support.correlation.CorrelationIds;

/**
 * Handles the records of one poll in their order, letting the work of several be stored
 * together in one round trip. When a record fails, whatever the records before it left
 * pending is stored first and the failure names the record, so the error handler commits
 * the ones before it and retries it or moves it to the dead letters, then goes on with
 * the ones after it. When storing fails, the failure names the first record whose work
 * was pending (it and those after it come again, which consumers that change nothing on a
 * replay allow), or the record of the item it failed on when the store says which
 * ({@link ItemFailedException}, having stored the ones before it).
 */
public final class RecordBatches {

	private RecordBatches() {
	}

	/** Handles one record: its work goes to {@link Pending#add} or is done at once. */
	@FunctionalInterface
	public interface Handler<T> {

		void handle(ConsumerRecord<String, byte[]> record, Pending<T> pending);

	}

	/**
	 * Thrown by a store that stored the items before this one and failed on it, so that
	 * the record it came from is the one named.
	 */
	public static final class ItemFailedException extends RuntimeException {

		private final int item;

		public ItemFailedException(int item, Throwable cause) {
			super(cause.getMessage(), cause);
			this.item = item;
		}

		/** The item's position in the list given to the store. */
		public int item() {
			return this.item;
		}

	}

	/** The work records left to be stored together. */
	public static final class Pending<T> {

		private final Consumer<List<T>> store;

		private final int most;

		private final List<T> items = new ArrayList<>();

		/** The record each item came from. */
		private final List<Integer> records = new ArrayList<>();

		private int current;

		private Pending(Consumer<List<T>> store, int most) {
			this.store = store;
			this.most = most;
		}

		/**
		 * Work of the current record, to be stored with the others; stored at once with
		 * them when they are as many as may wait.
		 */
		public void add(T item) {
			this.items.add(item);
			this.records.add(this.current);
			if (this.items.size() >= this.most) {
				flush();
			}
		}

		/**
		 * Stores what is pending now: before work that must follow it, such as a change
		 * to something the pending work creates.
		 */
		public void flush() {
			if (this.items.isEmpty()) {
				return;
			}
			try {
				this.store.accept(List.copyOf(this.items));
			}
			catch (ItemFailedException ex) {
				throw new BatchListenerFailedException(ex.getMessage(), ex.getCause(), this.records.get(ex.item()));
			}
			catch (RuntimeException ex) {
				throw new BatchListenerFailedException(ex.getMessage(), ex, this.records.get(0));
			}
			this.items.clear();
			this.records.clear();
		}

	}

	/**
	 * Handles the records in order, each with its correlation id in the logging context,
	 * and stores what they left pending whenever {@code most} items wait (so that the
	 * first of a large poll does not wait for the last) and at the end.
	 */
	public static <T> void handle(List<ConsumerRecord<String, byte[]>> records, Handler<T> handler,
			Consumer<List<T>> store, int most) {
		if (most < 1) {
			throw new IllegalArgumentException("At least one item must be allowed to wait, not " + most);
		}
		Pending<T> pending = new Pending<>(store, most);
		try {
			for (int index = 0; index < records.size(); index++) {
				pending.current = index;
				ConsumerRecord<String, byte[]> record = records.get(index);
				CorrelationIds.fromRecord(record);
				try {
					handler.handle(record, pending);
				}
				catch (BatchListenerFailedException ex) {
					throw ex;
				}
				catch (RuntimeException ex) {
					pending.flush();
					throw new BatchListenerFailedException(ex.getMessage(), ex, index);
				}
			}
			pending.flush();
		}
		finally {
			MDC.remove(CorrelationIds.MDC_KEY);
		}
	}

}
