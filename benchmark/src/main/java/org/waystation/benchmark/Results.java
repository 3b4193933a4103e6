package org.waystation.benchmark;

import java.util.List;
import java.util.Map;

/**
 * One run's figures.
 *
 * @param acceptedPerSecond appeals answered 202 per second of the measured window
 * @param openedPerSecond lead cases opened per second from the start of the load (warm-up
 * included) to the last one opened: what the pipeline carried
 * @param endToEnd from when a submission was due to when its case opened in the queue
 * @param stages where that time went, stage by stage
 * @param kafkaRecordsPerSecond a plain producer's acknowledged records per second, same
 * broker
 * @param mongoInsertsPerSecond plain single-document inserts per second, same store, one
 * client
 * @param mongoInsertsPerSecondParallel the same with four clients
 * @param history appeals of history in the store before the run
 * @param costs store operations, records and CPU per appeal of the run
 * @param readPaths the staff queue, the case file, the worker's tracking view and the KPI
 * query, at that history
 */
record Results(String date, Map<String, String> machine, String mode, double rate, double durationSeconds,
		long attempted, long accepted, double acceptedPerSecond, Map<String, Long> responses, long opened,
		long notOpened, double openedPerSecond, Percentiles gateway, Percentiles endToEnd,
		Map<String, Percentiles> stages, double kafkaRecordsPerSecond, double mongoInsertsPerSecond,
		double mongoInsertsPerSecondParallel, Map<String, Double> ratios, Map<String, Double> idleMemoryMib,
		Map<String, Double> loadMemoryMib, double idleMemoryTotalMib, double loadMemoryTotalMib, double startupSeconds,
		double launcherReadySeconds, List<Second> timeline, long history, Costs costs,
		Map<String, Percentiles> readPaths) {

	/**
	 * The store's operations per appeal of one service (its database), and the documents
	 * its queries read (where the store counts them).
	 */
	record StoreOperations(double reads, double writes, double documentsRead) {

	}

	/**
	 * What the run cost, per appeal it carried.
	 *
	 * @param store reads and writes per appeal, per service
	 * @param byCollection per appeal, per "database.collection command"
	 * @param records Kafka records per appeal, per topic
	 * @param cpuPercent each process's share of the machine's CPU over the interval
	 */
	record Costs(long appeals, double seconds, Map<String, StoreOperations> store, Map<String, Double> byCollection,
			Map<String, Double> records, Map<String, Double> cpuPercent) {

	}

	/**
	 * One second of the measured window (by when the submissions were due): how many were
	 * accepted, end-to-end p50 and p99 in ms, and each stage's p99 in ms.
	 */
	record Second(int second, long accepted, double p50, double p99, Map<String, Double> stageP99) {

	}

}
