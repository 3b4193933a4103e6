package org.waystation.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.Document;

/**
 * What the stack spends, read before and after a run: the store's operations per database
 * (one per service), collection and command (counted by the local stack's store), the
 * records on each topic (the brokers' end offsets), and each process's CPU time.
 */
final class StackCosts {

	/** The local stack's store answers this command with its operation counts. */
	static final String OPERATION_COUNTS = "waystationOperationCounts";

	/** Commands that change data; the others read. */
	static final Set<String> WRITES = Set.of("insert", "update", "delete", "findAndModify", "findandmodify");

	/** How the local stack's store counts the documents its queries read. */
	static final String DOCUMENTS_READ = "documentsRead";

	/** The clock ticks /proc counts CPU time in (USER_HZ, 100 on Linux). */
	private static final double TICKS_PER_SECOND = 100;

	private StackCosts() {
	}

	/**
	 * One reading.
	 *
	 * @param operations per "database collection command"
	 * @param records per topic
	 * @param cpuSeconds per process
	 */
	record Snapshot(long nanos, Map<String, Long> operations, Map<String, Long> records,
			Map<String, Double> cpuSeconds) {

	}

	static Snapshot read(String mongoUri, String kafka, Path dataDir) {
		return new Snapshot(System.nanoTime(), operations(mongoUri), records(kafka), cpuSeconds(dataDir));
	}

	/**
	 * Per appeal: the store's reads and writes by service (its database), the records per
	 * topic; and each process's share of the machine's CPU over the interval.
	 * @param appeals the appeals the interval carried
	 */
	static Results.Costs between(Snapshot before, Snapshot after, long appeals, int cores) {
		Map<String, double[]> store = new TreeMap<>();
		Map<String, Double> collections = new TreeMap<>();
		after.operations().forEach((key, count) -> {
			long delta = count - before.operations().getOrDefault(key, 0L);
			String[] parts = key.split(" ");
			if (delta <= 0 || parts[0].equals("benchmark")) {
				return;
			}
			double perAppeal = delta / (double) Math.max(1, appeals);
			int column = parts[2].equals(DOCUMENTS_READ) ? 2 : WRITES.contains(parts[2]) ? 1 : 0;
			store.computeIfAbsent(parts[0], (db) -> new double[3])[column] += perAppeal;
			collections.merge(parts[0] + "." + parts[1] + " " + parts[2], perAppeal, Double::sum);
		});
		Map<String, Double> records = new TreeMap<>();
		after.records().forEach((topic, count) -> {
			long delta = count - before.records().getOrDefault(topic, 0L);
			if (delta > 0 && !topic.startsWith("benchmark")) {
				records.put(topic, delta / (double) Math.max(1, appeals));
			}
		});
		double seconds = (after.nanos() - before.nanos()) / 1e9;
		Map<String, Double> cpu = new TreeMap<>();
		after.cpuSeconds().forEach((process, total) -> {
			Double earlier = before.cpuSeconds().get(process);
			if (earlier != null) {
				cpu.put(process, 100 * (total - earlier) / (seconds * cores));
			}
		});
		Map<String, Results.StoreOperations> perService = new TreeMap<>();
		store.forEach((db, counts) -> perService.put(db, new Results.StoreOperations(counts[0], counts[1], counts[2])));
		return new Results.Costs(appeals, seconds, perService, collections, records, cpu);
	}

	private static Map<String, Long> operations(String uri) {
		Map<String, Long> counts = new TreeMap<>();
		try (MongoClient client = MongoClients.create(uri)) {
			Document answer = client.getDatabase("admin").runCommand(new Document(OPERATION_COUNTS, 1));
			for (Document entry : answer.getList("operations", Document.class, List.of())) {
				counts.put(entry.getString("database") + " " + entry.getString("collection") + " "
						+ entry.getString("command"), ((Number) entry.get("count")).longValue());
			}
		}
		catch (RuntimeException ex) {
			// A store that does not count (a real MongoDB): no table of operations.
		}
		return counts;
	}

	private static Map<String, Long> records(String bootstrapServers) {
		Map<String, Long> records = new TreeMap<>();
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
				Map.of("bootstrap.servers", bootstrapServers, "enable.auto.commit", "false"),
				new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (Map.Entry<String, List<PartitionInfo>> topic : consumer.listTopics().entrySet()) {
				if (topic.getKey().startsWith("__")) {
					continue;
				}
				topic.getValue().forEach((info) -> partitions.add(new TopicPartition(info.topic(), info.partition())));
			}
			consumer.endOffsets(partitions)
				.forEach((partition, offset) -> records.merge(partition.topic(), offset, Long::sum));
		}
		return records;
	}

	/** CPU time (user and system) per process of the stack, and of this benchmark. */
	static Map<String, Double> cpuSeconds(Path dataDir) {
		Map<String, Double> cpu = new TreeMap<>();
		ProcessMemory.pids(dataDir).forEach((name, pid) -> cpuOf(pid).ifPresent((seconds) -> cpu.put(name, seconds)));
		cpuOf("self").ifPresent((seconds) -> cpu.put("benchmark (load)", seconds));
		return cpu;
	}

	private static Optional<Double> cpuOf(String pid) {
		try {
			String stat = Files.readString(Path.of("/proc", pid, "stat"));
			// After the command in parentheses: the state is field 3, utime 14, stime 15.
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Optional.of((Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND);
		}
		catch (IOException | RuntimeException ex) {
			// The process ended, or this is not Linux.
			return Optional.empty();
		}
	}

}
