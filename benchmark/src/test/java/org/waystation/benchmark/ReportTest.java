package org.waystation.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTest {

	@TempDir
	Path out;

	private static Results results() {
		Histogram h = Percentiles.histogram();
		for (int i = 1; i <= 1000; i++) {
			h.recordValue(i * 1000L);
		}
		Percentiles p = Percentiles.of(h);
		return new Results("2026-11-26T21:00:00Z",
				Map.of("cpu", "AMD EPYC", "cores", "2", "memory", "24 GiB", "java", "Java 17"), "RATE", 200, 120,
				24_000, 23_990, 199.9, Map.of("202", 23_990L, "503", 10L), 23_990, 0, 187.5, p, p, Map.of("routing", p),
				60_000, 4_000, 12_000, Map.of("accepted/s ÷ raw Kafka records/s", 199.9 / 60_000),
				Map.of("gateway", 180.0), Map.of("gateway", 290.0), 180, 290, 39.6, 39.2,
				List.of(new Results.Second(0, 200, 40, 90, Map.of("routing", 71.0)),
						new Results.Second(1, 199, 45, 120, Map.of("routing", 104.0))),
				50_000,
				new Results.Costs(26_000, 180, Map.of("routing", new Results.StoreOperations(3.5, 2.25, 12.0)),
						Map.of("routing.decisions insert", 1.0), Map.of("appeal.routed", 1.0),
						Map.of("routing-service", 31.0)),
				Map.of(ReadPaths.QUEUE, p));
	}

	@Test
	void summarisesPercentilesInMilliseconds() {
		Histogram h = Percentiles.histogram();
		for (int i = 1; i <= 100; i++) {
			h.recordValue(i * 1000L);
		}

		Percentiles p = Percentiles.of(h);

		assertThat(p.count()).isEqualTo(100);
		assertThat(p.p50()).isEqualTo(50.0);
		assertThat(p.p99()).isEqualTo(99.0);
		assertThat(p.max()).isEqualTo(100.0);
		assertThat(Percentiles.of(Percentiles.histogram()).count()).isZero();
	}

	@Test
	void writesJsonMarkdownAndAChart() throws IOException {
		Report.write(results(), this.out, "run");

		assertThat(Files.readString(this.out.resolve("run.json"))).contains("\"acceptedPerSecond\" : 199.9");
		String md = Files.readString(this.out.resolve("run.md"));
		assertThat(md).contains("| accepted per second | 199.9 |", "200 appeals/s (open model)", "run-latency.png",
				"39.6");
		assertThat(md).contains("on 50000 appeals of history", "#### Reads at 50000 appeals of history",
				"| routing | 3.50 | 2.25 | 12.0 |", "| appeal.routed | 1.00 |", "| routing-service | 31 % |",
				"| cases opened per second, from the start of the load to the last one | 187.5 |");
		assertThat(md).contains("| second | accepted | submission → case opened | routing |", "| 0 | 200 | 90 | 71 |",
				"| 1 | 199 | 120 | 104 |");
		assertThat(ImageIO.read(this.out.resolve("run-latency.png").toFile()).getWidth()).isEqualTo(1000);
	}

}
