package org.waystation.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Comparator;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.waystation.events.AppealRouted;
import org.waystation.events.AppealSubmitted;
import org.waystation.events.CaseOpened;
import org.waystation.events.Event;
import org.waystation.events.EventCodec;
import org.waystation.events.Topics;

/**
 * Reads the pipeline's events as they are published (from the end of each topic) and
 * keeps, per appeal, when each stage happened: the event's own time and the record's
 * timestamp (when the outbox relay handed it to Kafka).
 */
final class PipelineTracker implements AutoCloseable {

	private final KafkaConsumer<String, byte[]> consumer;

	private final Map<String, Timings> timings = new ConcurrentHashMap<>();

	private final Thread poller;

	private final LongAdder casesOpened = new LongAdder();

	private final Queue<OpenedCase> opened = new ConcurrentLinkedQueue<>();

	private final AtomicLong lastOpenedMillis = new AtomicLong();

	private final long startedMillis = System.currentTimeMillis();

	private volatile boolean running = true;

	PipelineTracker(String bootstrapServers) {
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false", ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "50"),
				new StringDeserializer(), new ByteArrayDeserializer());
		List<TopicPartition> partitions = new ArrayList<>();
		for (String topic : List.of(Topics.APPEAL_SUBMITTED, Topics.APPEAL_ROUTED, Topics.CASE_EVENTS)) {
			for (PartitionInfo info : this.consumer.partitionsFor(topic)) {
				partitions.add(new TopicPartition(topic, info.partition()));
			}
		}
		this.consumer.assign(partitions);
		this.consumer.seekToEnd(partitions);
		partitions.forEach(this.consumer::position);
		this.poller = new Thread(this::poll, "pipeline-tracker");
		this.poller.setDaemon(true);
		this.poller.start();
	}

	private void poll() {
		try {
			while (this.running) {
				for (ConsumerRecord<String, byte[]> record : this.consumer.poll(Duration.ofMillis(100))) {
					EventCodec.fromBytes(record.value()).ifPresent((event) -> note(event, record.timestamp()));
				}
			}
		}
		catch (WakeupException ex) {
			// closing
		}
		finally {
			this.consumer.close();
		}
	}

	private void note(Event event, long recordMillis) {
		Timings t = this.timings.computeIfAbsent(event.appealId(), (id) -> new Timings());
		if (event instanceof AppealSubmitted) {
			t.submitted = event.occurredAt();
			t.submittedRecord = recordMillis;
		}
		else if (event instanceof AppealRouted) {
			t.routed = event.occurredAt();
			t.routedRecord = recordMillis;
		}
		else if (event instanceof CaseOpened opened) {
			this.opened.add(new OpenedCase(opened.caseId(), opened.department(), opened.occurredAt()));
			if (CaseOpened.LEAD.equals(opened.role())) {
				t.opened = event.occurredAt();
				t.openedRecord = recordMillis;
				this.casesOpened.increment();
				this.lastOpenedMillis.accumulateAndGet(recordMillis, Math::max);
			}
		}
	}

	/**
	 * Lead cases opened per second since the tracker started, until the last one: what
	 * the pipeline carried, warm-up included.
	 */
	double casesOpenedPerSecond() {
		long last = this.lastOpenedMillis.get();
		return (last > this.startedMillis) ? this.casesOpened.sum() / ((last - this.startedMillis) / 1000.0) : 0;
	}

	/** Every case opened (lead or assisting) since the tracker started, oldest first. */
	List<OpenedCase> openedCases() {
		List<OpenedCase> cases = new ArrayList<>(this.opened);
		cases.sort(Comparator.comparing(OpenedCase::at));
		return cases;
	}

	Timings of(String appealId) {
		return this.timings.get(appealId);
	}

	@Override
	public void close() {
		this.running = false;
		this.consumer.wakeup();
		try {
			this.poller.join(5_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** A case that opened: which, in which department, when. */
	record OpenedCase(String caseId, String department, Instant at) {

	}

	/** When each stage of one appeal happened. */
	static final class Timings {

		volatile Instant submitted;

		volatile long submittedRecord;

		volatile Instant routed;

		volatile long routedRecord;

		volatile Instant opened;

		volatile long openedRecord;

		boolean complete() {
			return this.submitted != null && this.routed != null && this.opened != null;
		}

	}

}
