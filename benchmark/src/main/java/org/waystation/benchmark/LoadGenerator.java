package org.waystation.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Submits appeals through the gateway. With a rate, on a fixed schedule whatever the
 * responses (an open model): each request's latency counts from when it was due, so a
 * stall is not hidden by requests that were never sent (coordinated omission). Without a
 * rate, as fast as a fixed number of requests in flight allows.
 */
final class LoadGenerator {

	private static final Pattern APPEAL_ID = Pattern.compile("\"appealId\":\"([^\"]+)\"");

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.executor(Executors.newFixedThreadPool(4, (task) -> {
			Thread thread = new Thread(task, "load-http");
			thread.setDaemon(true);
			return thread;
		}))
		.build();

	private final URI appeals;

	private final AppealTexts texts = AppealTexts.load();

	LoadGenerator(String gateway) {
		this.appeals = URI.create(gateway + "/api/v1/appeals");
	}

	/**
	 * Sends for the whole length; requests due after {@code measureFrom} are measured.
	 * @param rate appeals per second, or 0 for as fast as possible
	 */
	Sent run(double rate, int concurrency, Duration warmup, Duration length) {
		Sent sent = new Sent();
		long startNanos = System.nanoTime();
		Instant startWall = Instant.now();
		long warmupNanos = warmup.toNanos();
		long endNanos = warmupNanos + length.toNanos();
		Semaphore inFlight = new Semaphore(concurrency);
		boolean closedLoop = rate <= 0;
		AtomicLong sequence = new AtomicLong();
		while (true) {
			long i = sequence.getAndIncrement();
			long due;
			if (rate > 0) {
				due = (long) (i * 1e9 / rate);
				long wait = due - (System.nanoTime() - startNanos);
				if (wait > 0) {
					LockSupport.parkNanos(wait);
				}
			}
			else {
				inFlight.acquireUninterruptibly();
				due = System.nanoTime() - startNanos;
			}
			if (due >= endNanos) {
				break;
			}
			boolean measured = due >= warmupNanos;
			long dueEpochMicros = startWall.toEpochMilli() * 1000 + due / 1000;
			String body = "{\"channel\":\"MOBILE_APP\",\"text\":\"" + this.texts.get(i).replace("\"", "\\\"")
					+ "\",\"phone\":\"13" + String.format("%09d", i % 1_000_000_000L) + "\",\"district\":\"朝阳区\"}";
			HttpRequest request = HttpRequest.newBuilder(this.appeals)
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
				.build();
			sent.attempted.increment();
			this.client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
				long latencyMicros = (System.nanoTime() - startNanos - due) / 1000;
				if (closedLoop) {
					inFlight.release();
				}
				sent.completed.increment();
				int status = (error != null) ? -1 : response.statusCode();
				if (measured) {
					sent.byStatus.computeIfAbsent(status, (s) -> new LongAdder()).increment();
				}
				if (status == 202) {
					sent.all.increment();
					Matcher matcher = APPEAL_ID.matcher(response.body());
					if (matcher.find() && measured) {
						sent.accepted.put(matcher.group(1), new Sent.Request(dueEpochMicros, latencyMicros));
					}
				}
			});
		}
		sent.measuredSeconds = length.toNanos() / 1e9;
		sent.measureFromEpochMicros = startWall.toEpochMilli() * 1000 + warmupNanos / 1000;
		return sent;
	}

	/** What was sent and how the gateway answered. */
	static final class Sent {

		final LongAdder attempted = new LongAdder();

		final LongAdder completed = new LongAdder();

		/** Accepted, warm-up included. */
		final LongAdder all = new LongAdder();

		final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();

		final Map<String, Request> accepted = new ConcurrentHashMap<>();

		double measuredSeconds;

		/** Waits for the answers still on their way, up to the timeout. */
		void awaitResponses(Duration timeout) {
			long deadline = System.nanoTime() + timeout.toNanos();
			while (this.completed.sum() < this.attempted.sum() && System.nanoTime() < deadline) {
				LockSupport.parkNanos(10_000_000);
			}
		}

		long measureFromEpochMicros;

		/**
		 * One accepted appeal.
		 *
		 * @param dueEpochMicros when it was due to be sent
		 * @param latencyMicros from due to the gateway's answer
		 */
		record Request(long dueEpochMicros, long latencyMicros) {

		}

	}

}
