package org.waystation.benchmark;

import org.HdrHistogram.Histogram;

/** Latency percentiles in milliseconds, from a histogram of microseconds. */
record Percentiles(long count, double p50, double p95, double p99, double max) {

	static Histogram histogram() {
		return new Histogram(3_600_000_000L, 3);
	}

	static Percentiles of(Histogram micros) {
		if (micros.getTotalCount() == 0) {
			return new Percentiles(0, 0, 0, 0, 0);
		}
		return new Percentiles(micros.getTotalCount(), ms(micros.getValueAtPercentile(50)),
				ms(micros.getValueAtPercentile(95)), ms(micros.getValueAtPercentile(99)), ms(micros.getMaxValue()));
	}

	private static double ms(long micros) {
		return Math.round(micros / 100.0) / 10.0;
	}

}
