package org.waystation.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What to run.
 *
 * @param rate appeals per second on a fixed schedule (open model); 0 for as fast as
 * possible
 * @param concurrency requests in flight at most when running as fast as possible
 * @param history appeals of history to fill the stack with before measuring
 * @param historyBacklog how many of history's newest cases stay in work
 */
record Options(String gateway, String kafka, String mongo, double rate, Duration duration, Duration warmup,
		int concurrency, Path dataDir, Path out, long startupMillis, int rawKafkaRecords, int rawMongoInserts,
		String sms, long history, int historyConcurrency, int historyBacklog, int readSamples) {

	static final Map<String, String[]> HELP = new LinkedHashMap<>();

	static {
		HELP.put("gateway", new String[] { "http://127.0.0.1:8080", "the gateway to drive" });
		HELP.put("kafka", new String[] { "127.0.0.1:9092", "the stack's Kafka broker, for events and the raw limit" });
		HELP.put("mongo", new String[] { "mongodb://127.0.0.1:27017", "the stack's MongoDB store, for the raw limit" });
		HELP.put("rate", new String[] { "200", "appeals per second on a fixed schedule; 0 = as fast as possible" });
		HELP.put("duration", new String[] { "120s", "how long to measure" });
		HELP.put("warmup", new String[] { "30s", "load before measuring, not counted" });
		HELP.put("concurrency", new String[] { "64", "requests in flight at most when --rate=0" });
		HELP.put("data-dir", new String[] { "data", "the stack's data directory (pid files, ready.json)" });
		HELP.put("out", new String[] { "benchmark/results", "where the results go" });
		HELP.put("startup-ms", new String[] { "0", "measured time from ./run.sh to ready, to report" });
		HELP.put("raw-kafka-records", new String[] { "50000", "records sent to measure Kafka's own limit" });
		HELP.put("raw-mongo-inserts", new String[] { "5000", "documents inserted to measure MongoDB's own limit" });
		HELP.put("sms",
				new String[] { "http://127.0.0.1:8025", "the stack's SMS stand-in, for a worker's sign-in code" });
		HELP.put("history",
				new String[] { "0", "appeals of history (cases worked, notifications) to fill the stack with first" });
		HELP.put("history-concurrency", new String[] { "16", "submissions in flight while filling the history" });
		HELP.put("history-backlog", new String[] { "2000",
				"of history's cases, the newest this many stay in work; every older one is worked and closed" });
		HELP.put("read-samples",
				new String[] { "200", "timed calls of each read (queue, case file, tracking view, KPIs)" });
	}

	static Options parse(String[] args) {
		Map<String, String> values = new LinkedHashMap<>();
		HELP.forEach((key, help) -> values.put(key, help[0]));
		for (String arg : args) {
			int equals = arg.indexOf('=');
			if (!arg.startsWith("--") || equals < 0 || !HELP.containsKey(arg.substring(2, equals))) {
				throw new IllegalArgumentException("Unknown argument " + arg + "; see --help");
			}
			values.put(arg.substring(2, equals), arg.substring(equals + 1));
		}
		return new Options(values.get("gateway"), values.get("kafka"), values.get("mongo"),
				Double.parseDouble(values.get("rate")), duration(values.get("duration")),
				duration(values.get("warmup")), Integer.parseInt(values.get("concurrency")),
				Path.of(values.get("data-dir")), Path.of(values.get("out")), Long.parseLong(values.get("startup-ms")),
				Integer.parseInt(values.get("raw-kafka-records")), Integer.parseInt(values.get("raw-mongo-inserts")),
				values.get("sms"), Long.parseLong(values.get("history")),
				Integer.parseInt(values.get("history-concurrency")), Integer.parseInt(values.get("history-backlog")),
				Integer.parseInt(values.get("read-samples")));
	}

	/** "120s", "2m", "500ms" or ISO-8601 ("PT2M"). */
	static Duration duration(String text) {
		if (text.startsWith("PT")) {
			return Duration.parse(text);
		}
		if (text.endsWith("ms")) {
			return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
		}
		long amount = Long.parseLong(text.substring(0, text.length() - 1));
		return switch (text.charAt(text.length() - 1)) {
			case 's' -> Duration.ofSeconds(amount);
			case 'm' -> Duration.ofMinutes(amount);
			default -> throw new IllegalArgumentException("A duration looks like 120s, 2m or 500ms: " + text);
		};
	}

	static String help() {
		StringBuilder text = new StringBuilder("Usage: ./benchmark.sh [--option=value ...]\n"
				+ "Drives a running Waystation stack through its gateway and reports throughput and\n"
				+ "end-to-end latency beside the raw limits of its Kafka broker and MongoDB store.\n\nOptions:\n");
		HELP.forEach((key, help) -> text.append(String.format("  --%-20s %s (default %s)%n", key, help[1], help[0])));
		return text.toString();
	}

}
