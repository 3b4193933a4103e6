package org.waystation.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One Spring Boot service of the stack, run from its packaged jar as a child process. */
final class Service {

	private static final Duration PROBE_INTERVAL = Duration.ofMillis(250);

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final String module;

	private final String host;

	private final int port;

	private final ChildProcess process;

	/** How it started: with class data sharing or without. */
	private final ClassDataSharing.Launch launch;

	private Service(String module, String host, int port, ChildProcess process, ClassDataSharing.Launch launch) {
		this.module = module;
		this.host = host;
		this.port = port;
		this.process = process;
		this.launch = launch;
	}

	static Service start(StackConfig config, String module, int port, List<String> arguments,
			Map<String, String> environment) throws IOException {
		Path log = config.logDir().resolve(module + ".log");
		ClassDataSharing.Launch launch = ClassDataSharing.without(config.serviceJar(module));
		if (config.classDataSharing()) {
			try {
				launch = ClassDataSharing.prepare(config.serviceJar(module), log);
			}
			catch (IOException | RuntimeException ex) {
				// A start without it is slower, not wrong.
				System.err.println("Class data sharing off for " + module + ": " + ex.getMessage());
			}
		}
		List<String> command = ChildProcess.java(niceness(config, module), launch.with(config.serviceJavaOptions()),
				"--server.port=" + port, "--server.address=" + config.bindAddress(), "--spring.profiles.active=local");
		command.addAll(arguments);
		return new Service(module, config.host(), port, ChildProcess.start(module, command, log, environment), launch);
	}

	/** The services that work behind the accept path, run nicer than the rest. */
	static final Set<String> PIPELINE = Set.of("routing-service", "department-service", "notification-service");

	/** How many steps nicer than the launcher a module runs. */
	static int niceness(StackConfig config, String module) {
		return PIPELINE.contains(module) ? config.pipelineNice() : 0;
	}

	String module() {
		return this.module;
	}

	String url() {
		return "http://" + this.host + ":" + this.port;
	}

	/**
	 * Waits until the readiness probe answers UP, or fails with the end of the service's
	 * log.
	 */
	void awaitReady(Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		HttpRequest probe = HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(2))
			.build();
		while (true) {
			this.process.checkAlive();
			try {
				HttpResponse<String> response = HTTP.send(probe, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for " + this.module, ex);
			}
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException(this.module + " not ready within " + timeout + "; its log "
						+ this.process.log() + " ends with:\n" + this.process.tail());
			}
			this.process.awaitExit(PROBE_INTERVAL);
		}
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	int exitCode() {
		return this.process.exitCode();
	}

	/**
	 * Stops the service; a service that stopped when asked leaves the classes it loaded
	 * as the archive of its next start.
	 */
	void stop() {
		// Writing the archive takes a JVM several seconds more, longer with six at once.
		boolean writing = this.launch.writing().isPresent();
		boolean asked = this.process.stop(Duration.ofSeconds(writing ? 90 : 20));
		this.launch.ended(asked);
	}

}
