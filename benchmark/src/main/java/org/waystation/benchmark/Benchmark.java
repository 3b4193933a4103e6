package org.waystation.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

/**
 * {@code ./benchmark.sh}: drives a running stack and reports what it carries, where the
 * time goes and how that compares with the raw limits of the same broker and store.
 */
public final class Benchmark {

	private static final Duration DRAIN = Duration.ofSeconds(60);

	private Benchmark() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
			System.out.print(Options.help());
			return;
		}
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		Results results = run(options);
		String name = "benchmark-"
				+ DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
		Report.write(results, options.out(), name);
		Report.write(results, options.out(), "latest");
		System.out.println(Report.markdown(results, name));
		System.out.println("Results in " + options.out().toAbsolutePath());
		System.exit(0);
	}

	static Results run(Options options) {
		Map<String, Double> idle = ProcessMemory.residentMib(options.dataDir());
		System.out.println("Measuring the raw limits of the same broker and store, at idle...");
		double[] raw = { RawLimits.kafka(options.kafka(), options.rawKafkaRecords()),
				RawLimits.mongo(options.mongo(), options.rawMongoInserts(), 1),
				RawLimits.mongo(options.mongo(), options.rawMongoInserts(), 4) };
		System.out.printf(Locale.ROOT, "Kafka %.0f records/s, MongoDB %.0f / %.0f inserts/s%n", raw[0], raw[1], raw[2]);
		System.out.printf(Locale.ROOT, "Idle resident memory: %.0f MiB%n", total(idle));
		Api api = new Api(options.gateway(), options.sms());
		// The worker whose tracking view is timed: history's first worker.
		String worker = History.phone(0);
		String trackingCode = api
			.submit("{\"channel\":\"MOBILE_APP\",\"text\":\"站点拖欠我两个月的配送费，一共四千二百元，站长一直推脱。\"," + "\"phone\":\"" + worker
					+ "\",\"district\":\"朝阳区\",\"idempotencyKey\":\"benchmark-probe\"}")
			.json()
			.path("trackingCode")
			.asString();
		if (options.history() > 0) {
			System.out.printf(Locale.ROOT, "Filling %d appeals of history...%n", options.history());
			try (PipelineTracker history = new PipelineTracker(options.kafka())) {
				new History(api).fill(options.history(), options.historyConcurrency(), options.historyBacklog(),
						history);
			}
		}
		System.out.printf(Locale.ROOT, "Timing the reads (%d each) at %d appeals of history...%n",
				options.readSamples(), options.history());
		Map<String, Percentiles> reads = ReadPaths.measure(api, options.readSamples(), worker, trackingCode);
		AtomicReference<Map<String, Double>> peak = new AtomicReference<>(idle);
		ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
		LoadGenerator.Sent sent;
		StackCosts.Snapshot before = StackCosts.read(options.mongo(), options.kafka(), options.dataDir());
		try (PipelineTracker tracker = new PipelineTracker(options.kafka())) {
			sampler.scheduleAtFixedRate(
					() -> peak
						.updateAndGet((max) -> ProcessMemory.max(max, ProcessMemory.residentMib(options.dataDir()))),
					1, 1, TimeUnit.SECONDS);
			System.out.printf(Locale.ROOT, "Sending %s for %s after %s of warm-up...%n",
					(options.rate() > 0) ? options.rate() + " appeals/s" : "as fast as possible", options.duration(),
					options.warmup());
			sent = new LoadGenerator(options.gateway()).run(options.rate(), options.concurrency(), options.warmup(),
					options.duration());
			sent.awaitResponses(Duration.ofSeconds(30));
			sampler.shutdownNow();
			System.out.println("Waiting for the cases to open...");
			long deadline = System.nanoTime() + DRAIN.toNanos();
			while (System.nanoTime() < deadline && !allOpened(sent, tracker)) {
				LockSupport.parkNanos(100_000_000);
			}
			StackCosts.Snapshot after = StackCosts.read(options.mongo(), options.kafka(), options.dataDir());
			Results.Costs costs = StackCosts.between(before, after, sent.all.sum(),
					Runtime.getRuntime().availableProcessors());
			return results(options, sent, tracker, idle, peak.get(), raw, costs, reads);
		}
	}

	private static boolean allOpened(LoadGenerator.Sent sent, PipelineTracker tracker) {
		for (String appealId : sent.accepted.keySet()) {
			PipelineTracker.Timings t = tracker.of(appealId);
			if (t == null || !t.complete()) {
				return false;
			}
		}
		return true;
	}

	private static Results results(Options options, LoadGenerator.Sent sent, PipelineTracker tracker,
			Map<String, Double> idle, Map<String, Double> load, double[] raw, Results.Costs costs,
			Map<String, Percentiles> reads) {
		double kafka = raw[0];
		double mongo = raw[1];
		double mongoParallel = raw[2];
		Histogram gateway = Percentiles.histogram();
		Histogram endToEnd = Percentiles.histogram();
		Map<String, Histogram> stages = new LinkedHashMap<>();
		for (String stage : List.of("gateway + intake", "intake outbox to Kafka", "routing", "routing outbox to Kafka",
				"case creation")) {
			stages.put(stage, Percentiles.histogram());
		}
		Map<Integer, Histogram> perSecond = new TreeMap<>();
		Map<Integer, Map<String, Histogram>> stagesPerSecond = new TreeMap<>();
		Map<Integer, long[]> acceptedPerSecond = new TreeMap<>();
		long opened = 0;
		for (Map.Entry<String, LoadGenerator.Sent.Request> entry : sent.accepted.entrySet()) {
			LoadGenerator.Sent.Request request = entry.getValue();
			gateway.recordValue(Math.max(0, request.latencyMicros()));
			int second = (int) ((request.dueEpochMicros() - sent.measureFromEpochMicros) / 1_000_000);
			acceptedPerSecond.computeIfAbsent(second, (s) -> new long[1])[0]++;
			PipelineTracker.Timings t = tracker.of(entry.getKey());
			if (t == null || !t.complete()) {
				continue;
			}
			opened++;
			long due = request.dueEpochMicros();
			long openedMicros = micros(t.opened);
			long e2e = Math.max(0, openedMicros - due);
			endToEnd.recordValue(e2e);
			perSecond.computeIfAbsent(second, (s) -> Percentiles.histogram()).recordValue(e2e);
			long[] stageMicros = { micros(t.submitted) - due, t.submittedRecord * 1000 - micros(t.submitted),
					micros(t.routed) - t.submittedRecord * 1000, t.routedRecord * 1000 - micros(t.routed),
					openedMicros - t.routedRecord * 1000 };
			Map<String, Histogram> thisSecond = stagesPerSecond.computeIfAbsent(second, (s) -> new LinkedHashMap<>());
			int i = 0;
			for (Map.Entry<String, Histogram> stage : stages.entrySet()) {
				record(stage.getValue(), stageMicros[i]);
				record(thisSecond.computeIfAbsent(stage.getKey(), (k) -> Percentiles.histogram()), stageMicros[i]);
				i++;
			}
		}
		long accepted = sent.accepted.size();
		Map<String, Long> responses = new TreeMap<>();
		sent.byStatus.forEach((status, count) -> responses
			.put((status < 0) ? "connection error" : String.valueOf(status), count.sum()));
		List<Results.Second> timeline = new ArrayList<>();
		int seconds = (int) Math.ceil(sent.measuredSeconds);
		for (int s = 0; s < seconds; s++) {
			Histogram h = perSecond.get(s);
			Percentiles p = (h != null) ? Percentiles.of(h) : new Percentiles(0, 0, 0, 0, 0);
			Map<String, Double> stageP99 = new LinkedHashMap<>();
			stagesPerSecond.getOrDefault(s, Map.of())
				.forEach((stage, histogram) -> stageP99.put(stage, Percentiles.of(histogram).p99()));
			timeline.add(new Results.Second(s, acceptedPerSecond.getOrDefault(s, new long[1])[0], p.p50(), p.p99(),
					stageP99));
		}
		double acceptedRate = accepted / sent.measuredSeconds;
		// How fast the pipeline carried appeals (warm-up included): from the start to the
		// last case opened.
		double openedRate = tracker.casesOpenedPerSecond();
		Map<String, Double> ratios = new LinkedHashMap<>();
		ratios.put("accepted/s ÷ raw Kafka records/s", acceptedRate / kafka);
		ratios.put("accepted/s ÷ raw MongoDB inserts/s (4 clients)", acceptedRate / mongoParallel);
		double storeWrites = costs.store().values().stream().mapToDouble(Results.StoreOperations::writes).sum();
		double storeOperations = storeWrites
				+ costs.store().values().stream().mapToDouble(Results.StoreOperations::reads).sum();
		double records = costs.records().values().stream().mapToDouble(Double::doubleValue).sum();
		double perAppealRate = costs.appeals() / Math.max(1e-9, costs.seconds());
		ratios.put("store writes/s asked during the run ÷ raw MongoDB inserts/s (4 clients)",
				storeWrites * perAppealRate / mongoParallel);
		ratios.put("store operations/s asked during the run ÷ raw MongoDB inserts/s (4 clients)",
				storeOperations * perAppealRate / mongoParallel);
		ratios.put("Kafka records/s written during the run ÷ raw Kafka records/s", records * perAppealRate / kafka);
		// Latencies against one raw store round trip (a single-client insert).
		double roundTripMillis = 1000 / Math.max(1e-9, mongo);
		Percentiles e2e = Percentiles.of(endToEnd);
		ratios.put("submission → case opened p99 ÷ one raw store insert", e2e.p99() / roundTripMillis);
		reads.forEach((read, p) -> ratios.put(read + " p99 ÷ one raw store insert", p.p99() / roundTripMillis));
		Map<String, Percentiles> stagePercentiles = new LinkedHashMap<>();
		stages.forEach((stage, h) -> stagePercentiles.put(stage, Percentiles.of(h)));
		return new Results(Instant.now().toString(), machine(), (options.rate() > 0) ? "RATE" : "MAX", options.rate(),
				sent.measuredSeconds, sent.attempted.sum(), accepted, acceptedRate, responses, opened,
				accepted - opened, openedRate, Percentiles.of(gateway), Percentiles.of(endToEnd), stagePercentiles,
				kafka, mongo, mongoParallel, ratios, idle, load, total(idle), total(load),
				options.startupMillis() / 1000.0, launcherReadySeconds(options.dataDir()), timeline, options.history(),
				costs, reads);
	}

	private static void record(Histogram histogram, long micros) {
		histogram.recordValue(Math.max(0, micros));
	}

	private static long micros(Instant instant) {
		return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
	}

	private static double total(Map<String, Double> sizes) {
		return sizes.values().stream().mapToDouble(Double::doubleValue).sum();
	}

	private static double launcherReadySeconds(Path dataDir) {
		try {
			String json = Files.readString(dataDir.resolve("ready.json"));
			return Double.parseDouble(json.replaceAll(".*\"readySeconds\":\\s*([0-9.]+).*", "$1").trim());
		}
		catch (IOException | NumberFormatException ex) {
			return 0;
		}
	}

	static Map<String, String> machine() {
		Map<String, String> machine = new LinkedHashMap<>();
		machine.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
		machine.put("cpu", firstLine(Path.of("/proc/cpuinfo"), "model name"));
		String memory = firstLine(Path.of("/proc/meminfo"), "MemTotal");
		try {
			memory = String.format(Locale.ROOT, "%.0f GiB", Long.parseLong(memory.replaceAll("\\D", "")) / 1048576.0);
		}
		catch (NumberFormatException ex) {
			// keep as read
		}
		machine.put("memory", memory);
		machine.put("java", "Java " + System.getProperty("java.version"));
		machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
		return machine;
	}

	private static String firstLine(Path file, String key) {
		try {
			return Files.readAllLines(file)
				.stream()
				.filter((line) -> line.startsWith(key))
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst()
				.orElse("unknown");
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

}
