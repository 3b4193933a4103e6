package org.waystation.benchmark;

import java.util.List;
import java.util.Map;

/**
 * One run's figures.
 *
 * @param acceptedPerSecond appeals answered 202 per second of the measured window
 * @param endToEnd from when a submission was due to when its case opened in the queue
 * @param stages where that time went, stage by stage
 * @param kafkaRecordsPerSecond a plain producer's acknowledged records per second, same
 * broker
 * @param mongoInsertsPerSecond plain single-document inserts per second, same store, one
 * client
 * @param mongoInsertsPerSecondParallel the same with four clients
 */
record Results(String date, Map<String, String> machine, String mode, double rate, double durationSeconds,
		long attempted, long accepted, double acceptedPerSecond, Map<String, Long> responses, long opened,
		long notOpened, Percentiles gateway, Percentiles endToEnd, Map<String, Percentiles> stages,
		double kafkaRecordsPerSecond, double mongoInsertsPerSecond, double mongoInsertsPerSecondParallel,
		Map<String, Double> ratios, Map<String, Double> idleMemoryMib, Map<String, Double> loadMemoryMib,
		double idleMemoryTotalMib, double loadMemoryTotalMib, double startupSeconds, double launcherReadySeconds,
		List<Second> timeline) {

	/**
	 * One second of the measured window: how many were accepted, end-to-end p50 and p99
	 * in ms.
	 */
	record Second(int second, long accepted, double p50, double p99) {

	}

}
