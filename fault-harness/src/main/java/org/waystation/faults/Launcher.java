package org.waystation.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.waystation.local.FreePorts;

/**
 * The stack as {@code ./run.sh} starts it: the launcher's jar as a process of its own,
 * which starts the store, Kafka, the stand-ins, the services and the gateway, each a
 * process again. Free ports, a data directory of its own.
 */
final class Launcher implements AutoCloseable {

	static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

	private final Path home;

	private final Path data;

	private final Map<String, Integer> ports = new LinkedHashMap<>();

	private Process process;

	/** Ends the wait for readiness at once. */
	private static final class LauncherStopped extends RuntimeException {

	}

	Launcher(Path home, Path data) throws IOException {
		this.home = home;
		this.data = data;
		for (String option : List.of("gateway-port", "identity-port", "intake-port", "routing-port", "department-port",
				"notification-port", "sms-port", "im-port", "mail-port", "mail-smtp-port", "kafka-port",
				"kafka-controller-port", "mongo-port")) {
			this.ports.put(option, FreePorts.next());
		}
	}

	/** Starts the launcher and waits until it reports the stack ready. */
	Duration start() throws IOException, InterruptedException {
		Files.deleteIfExists(this.data.resolve("ready.json"));
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms256m", "-Xmx1g",
				"-XX:+UseSerialGC", "-jar", this.home.resolve("deploy/local/target/waystation-local.jar").toString(),
				"--home=" + this.home, "--data-dir=" + this.data, "--rate-limits=off"));
		this.ports.forEach((option, port) -> command.add("--" + option + "=" + port));
		Files.createDirectories(this.data);
		Instant started = Instant.now();
		this.process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.data.resolve("launcher.log").toFile()))
			.start();
		Path ready = this.data.resolve("ready.json");
		boolean up = Waits.until(READY_TIMEOUT, Duration.ofMillis(200), () -> {
			if (!this.process.isAlive()) {
				throw new LauncherStopped();
			}
			return Files.exists(ready);
		});
		if (!this.process.isAlive()) {
			throw new IllegalStateException("The launcher stopped while starting: " + tail());
		}
		if (!up) {
			throw new IllegalStateException("The stack was not ready within " + READY_TIMEOUT + ": " + tail());
		}
		return Duration.between(started, Instant.now());
	}

	/**
	 * {@code kill -9} of the launcher: the store goes with it, and its children follow.
	 */
	void killLauncher() throws InterruptedException {
		List<ProcessHandle> children = this.process.descendants().toList();
		this.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		if (!Waits.until(Duration.ofMinutes(1), Duration.ofMillis(200),
				() -> children.stream().noneMatch(ProcessHandle::isAlive))) {
			throw new IllegalStateException("Children of the killed launcher still run after a minute");
		}
	}

	/** {@code kill -9} of one child (a service, the gateway or {@code kafka}). */
	void kill(String child) throws IOException {
		pid(child).flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
	}

	/** Freezes ({@code SIGSTOP}) or thaws ({@code SIGCONT}) one child. */
	void signal(String child, String signal) throws IOException, InterruptedException {
		long pid = pid(child).orElseThrow(() -> new IllegalStateException("No process id of " + child));
		Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).start();
		if (kill.waitFor() != 0) {
			throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
		}
	}

	Optional<Long> pid(String child) throws IOException {
		Path file = this.data.resolve("pids").resolve(child + ".pid");
		return Files.exists(file) ? Optional.of(Long.parseLong(Files.readString(file).strip())) : Optional.empty();
	}

	String gateway() {
		return "http://127.0.0.1:" + this.ports.get("gateway-port");
	}

	String sms() {
		return "http://127.0.0.1:" + this.ports.get("sms-port");
	}

	String mongoUri() {
		return "mongodb://127.0.0.1:" + this.ports.get("mongo-port");
	}

	String kafka() {
		return "127.0.0.1:" + this.ports.get("kafka-port");
	}

	String tail() {
		try {
			List<String> lines = Files.readAllLines(this.data.resolve("launcher.log"), StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
		}
		catch (IOException ex) {
			return "(no launcher log)";
		}
	}

	/** Stops the stack as Ctrl-C does. */
	@Override
	public void close() throws InterruptedException {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroy();
			if (!this.process.waitFor(2, TimeUnit.MINUTES)) {
				this.process.destroyForcibly();
			}
		}
	}

}
