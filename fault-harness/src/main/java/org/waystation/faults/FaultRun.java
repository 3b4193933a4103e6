package org.waystation.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fault run: starts the stack as {@code ./run.sh} does, streams appeals through the
 * gateway while the HRSS officer signs for open cases, and meanwhile injects each fault
 * in turn, waiting after each until an appeal accepted after it has reached its case (its
 * recovery): {@code kill -9} of each service and the gateway, {@code kill -9} of the
 * Kafka broker, one consumer frozen for minutes while appeals keep arriving, and
 * {@code kill -9} of the launcher (the store with it) followed by a fresh start on the
 * same data. At the end it checks every accepted appeal and prints accepted / lost /
 * duplicated / stuck / longest recovery.
 */
public final class FaultRun {

	/** The longest an appeal may take to reach its case after a fault. */
	static final Duration RECOVERY_LIMIT = Duration.ofMinutes(5);

	private final Options options;

	private final Map<String, Duration> recoveries = new LinkedHashMap<>();

	private FaultRun(Options options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		Report report = new FaultRun(options).run();
		System.out.print(report.text());
		System.exit(report.result().clean() ? 0 : 1);
	}

	static Report run(Options options) throws Exception {
		return new FaultRun(options).run();
	}

	Report run() throws Exception {
		Path data = Files.createTempDirectory("waystation-faults");
		Instant began = Instant.now();
		try (Launcher stack = new Launcher(this.options.home(), data)) {
			log("Starting the stack in " + data);
			Duration ready = stack.start();
			log("Ready in " + seconds(ready));
			try (Checks checks = new Checks(stack);
					AppealStream stream = new AppealStream(stack.gateway(), this.options.rate());
					CaseActions staff = new CaseActions(stack.gateway())) {
				stream.start();
				staff.start();
				awaitAccepted(stream, Math.min(this.options.appeals() / 10, 100));
				List<String> services = this.options.allServices()
						? List.of("intake-service", "routing-service", "department-service", "notification-service",
								"identity-service", "gateway")
						: List.of("intake-service", "routing-service", "department-service", "notification-service");
				for (String service : services) {
					fault("kill -9 " + service, stream, checks, () -> stack.kill(service));
				}
				fault("kill -9 kafka", stream, checks, () -> stack.kill("kafka"));
				String frozen = "department-service";
				Instant thaw = Instant.now();
				log("Freezing " + frozen + " for " + seconds(this.options.down()));
				stack.signal(frozen, "STOP");
				// The fault itself: frozen for this long while appeals keep coming.
				Thread.sleep(this.options.down().toMillis());
				stack.signal(frozen, "CONT");
				recover(frozen + " frozen for " + seconds(this.options.down()), stream, checks, thaw, Instant.now());
				fault("kill -9 launcher", stream, checks, () -> {
					stack.killLauncher();
					log("Launcher and its children gone; starting again");
					stack.start();
				});
				awaitAccepted(stream, this.options.appeals());
				stream.close();
				staff.close();
				log("Stream stopped after " + stream.acceptedCount() + " accepted, " + stream.refusedCount()
						+ " refused while the stack was down, " + staff.signed() + " cases signed for; checking");
				Checks.Result result = checks.check(stream.accepted(), Duration.ofMinutes(5));
				return new Report(this.options, result, this.recoveries, stream.refusedCount(), staff.signed(),
						Duration.between(began, Instant.now()), ready);
			}
		}
		finally {
			deleteQuietly(data);
		}
	}

	@FunctionalInterface
	private interface Fault {

		void inject() throws Exception;

	}

	private void fault(String name, AppealStream stream, Checks checks, Fault fault) throws Exception {
		log("Fault: " + name);
		Instant at = Instant.now();
		fault.inject();
		recover(name, stream, checks, at, Instant.now());
	}

	/**
	 * Waits until an appeal accepted after the fault ended has its case, and records how
	 * long that took from the fault.
	 */
	private void recover(String name, AppealStream stream, Checks checks, Instant faultAt, Instant after) {
		boolean recovered = Waits.until(RECOVERY_LIMIT, Duration.ofMillis(500), () -> {
			List<String> since = stream.accepted()
				.stream()
				.filter((a) -> a.at().isAfter(after))
				.map(AppealStream.Accepted::trackingCode)
				.toList();
			return !since.isEmpty()
					&& checks.statuses(since).values().stream().anyMatch((s) -> !Checks.BEFORE_CASE.contains(s));
		});
		Duration took = recovered ? Duration.between(faultAt, Instant.now()) : RECOVERY_LIMIT;
		this.recoveries.put(name, took);
		log((recovered ? "Recovered from " : "Not recovered from ") + name + " in " + seconds(took));
	}

	private static void awaitAccepted(AppealStream stream, int count) {
		if (!Waits.until(Duration.ofHours(4), Duration.ofMillis(200), () -> stream.acceptedCount() >= count)) {
			throw new IllegalStateException("Fewer than " + count + " appeals accepted in four hours");
		}
	}

	static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
	}

	private static void log(String line) {
		System.out.println(Instant.now() + "  " + line);
	}

	private static void deleteQuietly(Path dir) {
		try (var files = Files.walk(dir)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// A temporary directory.
		}
	}

	/** What a run found. */
	record Report(Options options, Checks.Result result, Map<String, Duration> recoveries, int refused, int signed,
			Duration took, Duration ready) {

		String text() {
			StringBuilder out = new StringBuilder();
			out.append(String.format(Locale.ROOT, "%nFault run of %s: %d appeals at %d/s, %s%n", Instant.now(),
					this.options.appeals(), this.options.rate(),
					this.options.allServices() ? "every service" : "the services of the pipeline"));
			Checks.Result r = this.result;
			out.append(String.format(Locale.ROOT,
					"accepted %d · lost %d · duplicated %d · stuck %d · tracking view off %d · texts sent twice %d · "
							+ "events unread %d · dead letters %d%n",
					r.accepted(), r.lost(), r.duplicated(), r.stuck(), r.inconsistent(), r.duplicateTexts(), r.lag(),
					r.deadLetters()));
			List<String> recovered = new ArrayList<>();
			this.recoveries.forEach((name, took) -> recovered.add(name + " " + seconds(took)));
			Duration longest = this.recoveries.values().stream().max(Duration::compareTo).orElse(Duration.ZERO);
			out.append("recovery (fault to the next accepted appeal's case): ")
				.append(String.join(", ", recovered))
				.append(System.lineSeparator());
			out.append(String.format(Locale.ROOT,
					"longest recovery %s · %d cases signed for meanwhile · %d submissions refused while parts were down · "
							+ "stack ready in %s · run %s%n",
					seconds(longest), this.signed, this.refused, seconds(this.ready), seconds(this.took)));
			r.examples().forEach((example) -> out.append("  ").append(example).append(System.lineSeparator()));
			return out.toString();
		}

	}

}
