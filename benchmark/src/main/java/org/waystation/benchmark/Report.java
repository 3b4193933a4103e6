package org.waystation.benchmark;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import javax.imageio.ImageIO;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a run's results as JSON, as a Markdown table, and as a latency-over-time chart.
 */
final class Report {

	private static final int FIRST_SECONDS = 30;

	private Report() {
	}

	static void write(Results results, Path directory, String name) throws IOException {
		Files.createDirectories(directory);
		JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
		Files.writeString(directory.resolve(name + ".json"), mapper.writeValueAsString(results));
		Files.writeString(directory.resolve(name + ".md"), markdown(results, name));
		chart(results, directory.resolve(name + "-latency.png"));
	}

	static String markdown(Results r, String name) {
		StringBuilder md = new StringBuilder();
		md.append("### Benchmark ").append(r.date()).append("\n\n");
		md.append("Machine: ")
			.append(r.machine().get("cpu"))
			.append(", ")
			.append(r.machine().get("cores"))
			.append(" cores, ")
			.append(r.machine().get("memory"))
			.append(", ")
			.append(r.machine().get("java"))
			.append(". Everything on this one machine.\n\n");
		md.append(String.format(Locale.ROOT,
				"Load: %s for %.0f s after warm-up, on %d appeals of history; %d sent, %d accepted.%n%n",
				"MAX".equals(r.mode()) ? "as fast as possible"
						: String.format(Locale.ROOT, "%.0f appeals/s (open model)", r.rate()),
				r.durationSeconds(), r.history(), r.attempted(), r.accepted()));
		md.append("| figure | value |\n|---|---|\n");
		row(md, "accepted per second", String.format(Locale.ROOT, "%.1f", r.acceptedPerSecond()));
		row(md, "responses", r.responses().toString());
		row(md, "cases opened / not opened within 60 s", r.opened() + " / " + r.notOpened());
		row(md, "cases opened per second, from the start of the load to the last one",
				String.format(Locale.ROOT, "%.1f", r.openedPerSecond()));
		row(md, "gateway answer p50 / p95 / p99 / max (ms)", p(r.gateway()));
		row(md, "submission → case opened p50 / p95 / p99 / max (ms)", p(r.endToEnd()));
		r.stages().forEach((stage, percentiles) -> row(md, "stage: " + stage + " (ms)", p(percentiles)));
		row(md, "raw Kafka producer, same broker (records/s)",
				String.format(Locale.ROOT, "%.0f", r.kafkaRecordsPerSecond()));
		row(md, "raw MongoDB inserts, same store, 1 / 4 clients (docs/s)", String.format(Locale.ROOT, "%.0f / %.0f",
				r.mongoInsertsPerSecond(), r.mongoInsertsPerSecondParallel()));
		r.ratios().forEach((ratio, value) -> row(md, ratio, String.format(Locale.ROOT, "%.3f", value)));
		row(md, "resident memory, idle (MiB)", memory(r.idleMemoryMib(), r.idleMemoryTotalMib()));
		row(md, "resident memory, under load, peak (MiB)", memory(r.loadMemoryMib(), r.loadMemoryTotalMib()));
		row(md, "./run.sh to ready (s)",
				String.format(Locale.ROOT, "%.1f (launcher alone %.1f)", r.startupSeconds(), r.launcherReadySeconds()));
		md.append("\n#### Reads at ").append(r.history()).append(" appeals of history (ms)\n\n");
		md.append("| read | p50 | p95 | p99 | max |\n|---|---|---|---|---|\n");
		r.readPaths()
			.forEach((read, p) -> md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f |%n", read,
					p.p50(), p.p95(), p.p99(), p.max())));
		costs(md, r.costs());
		firstSeconds(md, r);
		md.append("\n![latency over time](").append(name).append("-latency.png)\n");
		return md.toString();
	}

	private static void costs(StringBuilder md, Results.Costs costs) {
		md.append(String.format(Locale.ROOT,
				"%n#### Per appeal (%d accepted, warm-up included, over %.0f s with background work)%n%n",
				costs.appeals(), costs.seconds()));
		md.append(
				"| service (database) | store reads | store writes | documents its reads read |\n|---|---|---|---|\n");
		costs.store()
			.forEach((db, ops) -> md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.1f |%n", db, ops.reads(),
					ops.writes(), ops.documentsRead())));
		md.append("\n| topic | records |\n|---|---|\n");
		costs.records().forEach((topic, n) -> md.append(String.format(Locale.ROOT, "| %s | %.2f |%n", topic, n)));
		md.append("\n| store operation (database.collection command) | per appeal |\n|---|---|\n");
		costs.byCollection()
			.entrySet()
			.stream()
			.filter((e) -> !e.getKey().endsWith(" " + StackCosts.DOCUMENTS_READ))
			.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
			.limit(15)
			.forEach((e) -> md.append(String.format(Locale.ROOT, "| %s | %.2f |%n", e.getKey(), e.getValue())));
		md.append("\n| process | share of the machine's CPU |\n|---|---|\n");
		costs.cpuPercent()
			.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
			.forEach((e) -> md.append(String.format(Locale.ROOT, "| %s | %.0f %% |%n", e.getKey(), e.getValue())));
	}

	/**
	 * Where the time went in the first seconds of the measured window, when a backlog
	 * left by the warm-up (or by a start) shows.
	 */
	private static void firstSeconds(StringBuilder md, Results r) {
		List<Results.Second> seconds = r.timeline().stream().limit(FIRST_SECONDS).toList();
		if (seconds.isEmpty()) {
			return;
		}
		md.append(String.format(Locale.ROOT,
				"%n#### The first %d s, by when the submission was due: p99 of each stage (ms)%n%n", seconds.size()));
		StringBuilder header = new StringBuilder("| second | accepted | submission → case opened |");
		StringBuilder rule = new StringBuilder("|---|---|---|");
		r.stages().keySet().forEach((stage) -> {
			header.append(' ').append(stage).append(" |");
			rule.append("---|");
		});
		md.append(header).append('\n').append(rule).append('\n');
		for (Results.Second second : seconds) {
			md.append(
					String.format(Locale.ROOT, "| %d | %d | %.0f |", second.second(), second.accepted(), second.p99()));
			r.stages()
				.keySet()
				.forEach((stage) -> md
					.append(String.format(Locale.ROOT, " %.0f |", second.stageP99().getOrDefault(stage, 0.0))));
			md.append('\n');
		}
	}

	private static void row(StringBuilder md, String figure, String value) {
		md.append("| ").append(figure).append(" | ").append(value).append(" |\n");
	}

	private static String p(Percentiles p) {
		return String.format(Locale.ROOT, "%.1f / %.1f / %.1f / %.1f", p.p50(), p.p95(), p.p99(), p.max());
	}

	private static String memory(Map<String, Double> sizes, double total) {
		StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%.0f in all:", total));
		sizes.forEach((name, size) -> text.append(String.format(Locale.ROOT, " %s %.0f,", name, size)));
		return text.substring(0, text.length() - 1);
	}

	/**
	 * End-to-end p50 and p99 per second, and the accepted rate, over the measured window.
	 */
	static void chart(Results r, Path file) throws IOException {
		System.setProperty("java.awt.headless", "true");
		int width = 1000;
		int height = 480;
		int left = 70;
		int right = 70;
		int top = 40;
		int bottom = 50;
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, width, height);
		List<Results.Second> seconds = r.timeline();
		double maxLatency = Math.max(1, seconds.stream().mapToDouble(Results.Second::p99).max().orElse(1)) * 1.1;
		double maxRate = Math.max(1, seconds.stream().mapToDouble(Results.Second::accepted).max().orElse(1)) * 1.1;
		int plotWidth = width - left - right;
		int plotHeight = height - top - bottom;
		g.setColor(new Color(230, 230, 230));
		for (int i = 0; i <= 5; i++) {
			int y = top + plotHeight * i / 5;
			g.drawLine(left, y, left + plotWidth, y);
		}
		g.setColor(Color.DARK_GRAY);
		g.drawRect(left, top, plotWidth, plotHeight);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
		for (int i = 0; i <= 5; i++) {
			int y = top + plotHeight * i / 5;
			g.drawString(String.format(Locale.ROOT, "%.0f ms", maxLatency * (5 - i) / 5), 5, y + 4);
			g.drawString(String.format(Locale.ROOT, "%.0f/s", maxRate * (5 - i) / 5), left + plotWidth + 8, y + 4);
		}
		int n = Math.max(1, seconds.size() - 1);
		for (int i = 0; i <= 4; i++) {
			int x = left + plotWidth * i / 4;
			g.drawString((n * i / 4) + " s", x - 10, top + plotHeight + 18);
		}
		line(g, seconds, Results.Second::accepted, maxRate, new Color(160, 160, 160), left, top, plotWidth, plotHeight);
		line(g, seconds, Results.Second::p50, maxLatency, new Color(33, 113, 181), left, top, plotWidth, plotHeight);
		line(g, seconds, Results.Second::p99, maxLatency, new Color(203, 24, 29), left, top, plotWidth, plotHeight);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
		g.setColor(Color.BLACK);
		g.drawString("Submission to case opened, per second: p50 (blue), p99 (red); accepted per second (grey)", left,
				24);
		g.dispose();
		ImageIO.write(image, "png", file.toFile());
	}

	private static void line(Graphics2D g, List<Results.Second> seconds, ToDoubleFunction<Results.Second> value,
			double max, Color color, int left, int top, int plotWidth, int plotHeight) {
		g.setColor(color);
		g.setStroke(new BasicStroke(2f));
		int n = Math.max(1, seconds.size() - 1);
		for (int i = 1; i < seconds.size(); i++) {
			int x1 = left + plotWidth * (i - 1) / n;
			int x2 = left + plotWidth * i / n;
			int y1 = top + plotHeight - (int) (plotHeight * value.applyAsDouble(seconds.get(i - 1)) / max);
			int y2 = top + plotHeight - (int) (plotHeight * value.applyAsDouble(seconds.get(i)) / max);
			g.drawLine(x1, y1, x2, y2);
		}
	}

}
