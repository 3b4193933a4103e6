package org.waystation.support.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.kafka.listener.BatchListenerFailedException;
import org.waystation.support.correlation.CorrelationIds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The records of a poll handled in order with their work stored together, and a failure
 * naming the record the error handler must start again from.
 */
class RecordBatchesTest {

	private final List<List<String>> stored = new ArrayList<>();

	private final List<String> correlations = new ArrayList<>();

	private static List<ConsumerRecord<String, byte[]>> records(String... values) {
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		for (int i = 0; i < values.length; i++) {
			ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("appeal.submitted", 0, i, "k",
					values[i].getBytes(StandardCharsets.UTF_8));
			record.headers().add(CorrelationIds.KAFKA_HEADER, ("c-" + i).getBytes(StandardCharsets.UTF_8));
			records.add(record);
		}
		return records;
	}

	/** Defers "add:x", stores at once on "flush", fails on "bad". */
	private void handle(ConsumerRecord<String, byte[]> record, RecordBatches.Pending<String> pending) {
		this.correlations.add(MDC.get(CorrelationIds.MDC_KEY));
		String value = new String(record.value(), StandardCharsets.UTF_8);
		if (value.equals("bad")) {
			throw new IllegalArgumentException("unreadable");
		}
		if (value.equals("flush")) {
			pending.flush();
			return;
		}
		pending.add(value);
	}

	private void store(List<String> items) {
		if (items.contains("down")) {
			throw new IllegalStateException("store down");
		}
		int refused = items.indexOf("refused");
		if (refused >= 0) {
			this.stored.add(items.subList(0, refused));
			throw new RecordBatches.ItemFailedException(refused, new IllegalArgumentException("refused"));
		}
		this.stored.add(items);
	}

	@Test
	void storesTheWorkOfAPollTogetherWithEachRecordsCorrelationIdWhileItIsHandled() {
		RecordBatches.handle(records("a", "b", "flush", "c"), this::handle, this::store, 10);

		assertThat(this.stored).containsExactly(List.of("a", "b"), List.of("c"));
		assertThat(this.correlations).containsExactly("c-0", "c-1", "c-2", "c-3");
		assertThat(MDC.get(CorrelationIds.MDC_KEY)).isNull();
	}

	@Test
	void anItemTheStoreFailsOnNamesItsOwnRecord() {
		assertThatThrownBy(() -> RecordBatches.handle(records("a", "flush", "b", "c", "refused", "d"), this::handle,
				this::store, 10))
			.isInstanceOfSatisfying(BatchListenerFailedException.class, (ex) -> {
				assertThat(ex.getIndex()).isEqualTo(4);
				assertThat(ex.getCause()).hasMessage("refused");
			});
		assertThat(this.stored).containsExactly(List.of("a"), List.of("b", "c"));
	}

	@Test
	void storesAsSoonAsTheMostThatMayWaitAreWaiting() {
		RecordBatches.handle(records("a", "b", "c", "d", "e"), this::handle, this::store, 2);

		assertThat(this.stored).containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e"));
	}

	@Test
	void aFailingRecordIsNamedAfterTheWorkBeforeItIsStored() {
		assertThatThrownBy(() -> RecordBatches.handle(records("a", "b", "bad", "c"), this::handle, this::store, 10))
			.isInstanceOfSatisfying(BatchListenerFailedException.class, (ex) -> {
				assertThat(ex.getIndex()).isEqualTo(2);
				assertThat(ex.getCause()).hasMessage("unreadable");
			});
		assertThat(this.stored).containsExactly(List.of("a", "b"));
	}

	@Test
	void whenStoringFailsTheFirstRecordWhoseWorkWasPendingIsNamed() {
		assertThatThrownBy(
				() -> RecordBatches.handle(records("a", "flush", "b", "down", "c"), this::handle, this::store, 10))
			.isInstanceOfSatisfying(BatchListenerFailedException.class, (ex) -> {
				assertThat(ex.getIndex()).isEqualTo(2);
				assertThat(ex.getCause()).hasMessage("store down");
			});
		assertThat(this.stored).containsExactly(List.of("a"));

		this.stored.clear();
		assertThatThrownBy(() -> RecordBatches.handle(records("a", "down", "bad"), this::handle, this::store, 10))
			.isInstanceOfSatisfying(BatchListenerFailedException.class, (ex) -> assertThat(ex.getIndex()).isZero());
		assertThat(this.stored).isEmpty();
	}

}
