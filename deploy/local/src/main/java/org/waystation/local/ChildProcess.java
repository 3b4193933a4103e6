package org.waystation.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM whose output goes to a log file. Stopping asks it to shut down cleanly
 * (SIGTERM) and kills it only if it does not within the grace period.
 */
final class ChildProcess {

	private final String name;

	private final Process process;

	private final Path log;

	private ChildProcess(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
	}

	static ChildProcess start(String name, List<String> command, Path log) throws IOException {
		return start(name, command, log, java.util.Map.of());
	}

	/**
	 * Starts a child with extra environment variables (secrets travel this way, never on
	 * the command line other users can read).
	 */
	static ChildProcess start(String name, List<String> command, Path log, java.util.Map<String, String> environment)
			throws IOException {
		Files.createDirectories(log.getParent());
		Files.writeString(log, "---- " + name + " starting: " + String.join(" ", command) + System.lineSeparator(),
				StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
				java.nio.file.StandardOpenOption.APPEND);
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().putAll(environment);
		Process process = builder.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
			.start();
		// The process id, for tools that measure the stack (the benchmark's memory
		// report).
		Path pids = log.getParent().resolveSibling("pids");
		Files.createDirectories(pids);
		Files.writeString(pids.resolve(name + ".pid"), String.valueOf(process.pid()));
		return new ChildProcess(name, process, log);
	}

	/**
	 * Runs a command to completion, failing with its log's tail if it does not exit with
	 * 0.
	 */
	static void run(String name, List<String> command, Path log, Duration timeout) throws IOException {
		ChildProcess child = start(name, command, log);
		try {
			if (!child.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				child.process.destroyForcibly();
				throw new IllegalStateException(name + " did not finish within " + timeout + "\n" + child.tail());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(name + " interrupted", ex);
		}
		if (child.process.exitValue() != 0) {
			throw new IllegalStateException(
					name + " failed with exit code " + child.process.exitValue() + "\n" + child.tail());
		}
	}

	/**
	 * A java command line; with the parent-watch agent (when built) so that the child
	 * stops once the launcher is gone.
	 */
	static List<String> java(List<String> options, String... arguments) {
		return java(0, options, arguments);
	}

	/**
	 * A java command line run {@code nice} steps nicer (at a lower priority for the CPU)
	 * than the launcher, where the system has {@code nice}; at the launcher's priority
	 * where it has not.
	 */
	static List<String> java(int nice, List<String> options, String... arguments) {
		List<String> command = new ArrayList<>();
		if (nice > 0) {
			nice().ifPresent((program) -> command.addAll(List.of(program.toString(), "-n", String.valueOf(nice))));
		}
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		parentWatchAgent()
			.ifPresent((agent) -> command.add("-javaagent:" + agent + "=" + ProcessHandle.current().pid()));
		command.addAll(options);
		command.addAll(List.of(arguments));
		return command;
	}

	/** The {@code nice} program, if the system has one on its path. */
	static java.util.Optional<Path> nice() {
		String path = System.getenv("PATH");
		if (path == null) {
			return java.util.Optional.empty();
		}
		return java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
			.filter((directory) -> !directory.isBlank())
			.map((directory) -> Path.of(directory, "nice"))
			.filter(Files::isExecutable)
			.findFirst();
	}

	/**
	 * The agent's jar, beside the launcher's jar (or its classes directory, when run from
	 * the build).
	 */
	static java.util.Optional<Path> parentWatchAgent() {
		try {
			Path location = Path.of(ChildProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			Path agent = location.toAbsolutePath().getParent().resolve("waystation-local-parent-watch.jar");
			return Files.isRegularFile(agent) ? java.util.Optional.of(agent) : java.util.Optional.empty();
		}
		catch (java.net.URISyntaxException | RuntimeException ex) {
			return java.util.Optional.empty();
		}
	}

	String name() {
		return this.name;
	}

	Path log() {
		return this.log;
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/** The exit code once the process has ended. */
	int exitCode() {
		return this.process.exitValue();
	}

	/**
	 * Waits for the process to exit, at most for the duration: between two readiness
	 * probes, so that a child that dies while starting is noticed at once.
	 */
	void awaitExit(Duration timeout) {
		try {
			this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Fails with the end of the log if the process has died. */
	void checkAlive() {
		if (!this.process.isAlive()) {
			throw new IllegalStateException(this.name + " exited with code " + this.process.exitValue()
					+ " while starting; its log " + this.log + " ends with:\n" + tail());
		}
	}

	/**
	 * Asks the process to stop, and kills it if it has not within the grace period.
	 * @return whether it stopped when asked (not if it had already ended, or was killed)
	 */
	boolean stop(Duration grace) {
		if (!this.process.isAlive()) {
			return false;
		}
		this.process.destroy();
		try {
			if (this.process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				return true;
			}
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
		return false;
	}

	String tail() {
		try {
			List<String> lines = Files.readAllLines(this.log, StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

}
