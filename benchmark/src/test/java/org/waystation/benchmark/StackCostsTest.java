package org.waystation.benchmark;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StackCostsTest {

	@Test
	void dividesWhatTheRunAddedByItsAppealsAndTheMachine() {
		StackCosts.Snapshot before = new StackCosts.Snapshot(0,
				Map.of("routing decisions insert", 100L, "routing decisions find", 40L),
				Map.of("appeal.routed", 1_000L), Map.of("routing-service", 10.0, "kafka", 5.0));
		StackCosts.Snapshot after = new StackCosts.Snapshot(10_000_000_000L,
				Map.of("routing decisions insert", 300L, "routing decisions find", 640L, "routing hot_topics update",
						100L, "benchmark raw_inserts insert", 5_000L),
				Map.of("appeal.routed", 1_200L, "benchmark.raw-limit", 50_000L),
				Map.of("routing-service", 16.0, "kafka", 6.0, "gateway", 3.0));

		Results.Costs costs = StackCosts.between(before, after, 200, 2);

		assertThat(costs.store()).containsOnlyKeys("routing");
		assertThat(costs.store().get("routing").writes()).isCloseTo(1.5, within(1e-9));
		assertThat(costs.store().get("routing").reads()).isCloseTo(3.0, within(1e-9));
		assertThat(costs.byCollection()).containsEntry("routing.hot_topics update", 0.5)
			.doesNotContainKey("benchmark.raw_inserts insert");
		assertThat(costs.records()).containsOnly(Map.entry("appeal.routed", 1.0));
		// 6 s of CPU over 10 s on 2 cores is 30 % of the machine; a process that started
		// in between has no share.
		assertThat(costs.cpuPercent()).containsOnlyKeys("routing-service", "kafka");
		assertThat(costs.cpuPercent().get("routing-service")).isCloseTo(30.0, within(1e-9));
		assertThat(costs.seconds()).isCloseTo(10.0, within(1e-9));
	}

}
