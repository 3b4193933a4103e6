package org.waystation.local;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.waystation.standins.ImSendStandIn;
import org.waystation.standins.MailStandIn;
import org.waystation.standins.SmsGatewayStandIn;
import org.waystation.store.MongoStore;

/**
 * Starts the whole stack in dependency order — MongoDB store, Kafka, the stand-ins for
 * the SMS gateway, the IM send API and mail, the five services, the gateway — waits for
 * each to be ready, and stops it in reverse order.
 */
public final class Stack implements AutoCloseable {

	static final List<String> SERVICES = List.of("identity-service", "intake-service", "routing-service",
			"department-service", "notification-service");

	static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

	private final StackConfig config;

	private final PrintStream out;

	private MongoStore mongo;

	private KafkaBroker kafka;

	private SmsGatewayStandIn sms;

	private ImSendStandIn im;

	private MailStandIn mail;

	private final List<Service> services = new ArrayList<>();

	private Service gateway;

	/** How each child is started again, by name. */
	private final Map<String, Starter> starters = new java.util.LinkedHashMap<>();

	private java.util.concurrent.ScheduledExecutorService watchdog;

	/** The pause before a part that failed to come up is tried again, by name. */
	private final Map<String, Duration> pause = new java.util.HashMap<>();

	/** When such a part may be tried again, by name. */
	private final Map<String, Instant> nextAttempt = new java.util.HashMap<>();

	private boolean closed;

	public Stack(StackConfig config, PrintStream out) {
		this.config = config;
		this.out = out;
	}

	/** Starts everything, or stops what it started and fails. */
	public Stack start() {
		try {
			startAll();
			return this;
		}
		catch (RuntimeException | IOException ex) {
			close();
			throw (ex instanceof RuntimeException runtime) ? runtime : new IllegalStateException(ex);
		}
	}

	/** Keeps what was started so that {@link #close()} stops it, even while starting. */
	private synchronized <T> T started(T part, Runnable stop) {
		if (this.closed) {
			stop.run();
			throw new IllegalStateException("Stopped while starting");
		}
		return part;
	}

	private void startAll() throws IOException {
		List<String> missing = this.config.missingJars(SERVICES_AND_GATEWAY);
		if (!missing.isEmpty()) {
			throw new IllegalStateException("Build first (./mvnw -DskipTests package); missing: " + missing);
		}
		checkPortsFree();
		Files.createDirectories(this.config.logDir());
		long started = System.nanoTime();
		this.out.println("Data in " + this.config.dataDir() + ", logs in " + this.config.logDir());

		MongoStore store = MongoStore.start(this.config.dataDir().resolve("mongo"), this.config.mongoPort());
		this.mongo = started(store, store::close);
		this.out
			.println("  MongoDB store (mongo-java-server, H2 on disk)  mongodb://127.0.0.1:" + this.config.mongoPort());

		KafkaBroker broker = KafkaBroker.start(this.config);
		this.kafka = started(broker, broker::stop);
		this.kafka.awaitReadyAndCreateTopics(this.config, READY_TIMEOUT);
		this.out.println("  Kafka broker (KRaft)                          " + this.config.kafkaBootstrap());

		Map<String, String> secrets = LocalSecrets.loadOrCreate(this.config.dataDir());
		SmsGatewayStandIn standIn = SmsGatewayStandIn.start(this.config.bindAddress(), this.config.smsPort(),
				secrets.get("WAYSTATION_SMS_API_KEY"), this.config.dataDir().resolve("sms").resolve("messages.jsonl"));
		this.sms = started(standIn, standIn::close);
		this.out
			.println("  SMS stand-in (what would be texted)           " + url(this.config.smsPort()) + "/sms?to=PHONE");

		ImSendStandIn imStandIn = ImSendStandIn.start(this.config.bindAddress(), this.config.imPort(),
				secrets.get("WAYSTATION_IM_API_KEY"), this.config.dataDir().resolve("im").resolve("messages.jsonl"));
		this.im = started(imStandIn, imStandIn::close);
		this.out
			.println("  IM stand-in (what would be sent by IM)        " + url(this.config.imPort()) + "/im?to=USER");
		MailStandIn mailStandIn = MailStandIn.start(this.config.bindAddress(), this.config.mailSmtpPort(),
				this.config.mailPort());
		this.mail = started(mailStandIn, mailStandIn::close);
		this.out.printf("  %-45s %s/mail?to=ADDRESS%n",
				"Mail stand-in (SMTP " + this.config.mailSmtpPort() + ", mail to staff)", url(this.config.mailPort()));

		Map<String, String> environment = new java.util.LinkedHashMap<>(secrets);
		environment.put("WAYSTATION_SMS_URL", this.sms.sendUrl().toString());
		environment.put("WAYSTATION_IM_URL", this.im.sendUrl().toString());
		String kafka = "--spring.kafka.bootstrap-servers=" + this.config.kafkaBootstrap();
		Map<String, Integer> ports = Map.of("identity-service", this.config.identityPort(), "intake-service",
				this.config.intakePort(), "routing-service", this.config.routingPort(), "department-service",
				this.config.departmentPort(), "notification-service", this.config.notificationPort());
		List<String> trust = List.of("--waystation.security.issuers[0].issuer=" + this.config.issuer(),
				"--waystation.security.issuers[0].jwk-set-uri=" + this.config.jwkSetUri(),
				"--waystation.security.issuers[0].audiences[0]=waystation-api",
				"--waystation.security.issuers[0].audiences[1]=waystation-web");
		for (String module : SERVICES) {
			String database = module.substring(0, module.indexOf('-'));
			List<String> arguments = new ArrayList<>(
					List.of(kafka, "--spring.mongodb.uri=" + this.config.mongoUri(database)));
			arguments.addAll(module.equals("identity-service") ? identityArguments() : trust);
			if (module.equals("notification-service")) {
				arguments.add("--spring.mail.host=" + this.config.host());
				arguments.add("--spring.mail.port=" + this.config.mailSmtpPort());
				arguments.add("--waystation.notifications.console-url=" + this.config.issuer());
			}
			Map<String, String> given = secretsFor(module, environment);
			this.starters.put(module, () -> Service.start(this.config, module, ports.get(module), arguments, given));
			Service service = this.starters.get(module).start();
			this.services.add(started(service, service::stop));
		}
		List<String> gatewayArguments = List.of("--waystation.services.identity=" + url(this.config.identityPort()),
				"--waystation.services.intake=" + url(this.config.intakePort()),
				"--waystation.services.routing=" + url(this.config.routingPort()),
				"--waystation.services.department=" + url(this.config.departmentPort()),
				"--waystation.services.notification=" + url(this.config.notificationPort()),
				"--waystation.gateway.issuers[0].issuer=" + this.config.issuer(),
				"--waystation.gateway.issuers[0].jwk-set-uri=" + this.config.jwkSetUri(),
				"--waystation.gateway.issuers[0].audiences[0]=waystation-api",
				"--waystation.gateway.issuers[0].audiences[1]=waystation-web",
				"--waystation.gateway.rate-limits-enabled=" + this.config.rateLimits());
		this.starters.put("gateway",
				() -> Service.start(this.config, "gateway", this.config.gatewayPort(), gatewayArguments, Map.of()));
		Service gatewayService = this.starters.get("gateway").start();
		this.gateway = started(gatewayService, gatewayService::stop);
		List<Service> all = new ArrayList<>(this.services);
		all.add(this.gateway);
		// Wait for all together; the first failure is reported with its log.
		CompletableFuture
			.allOf(all.stream()
				.map((service) -> CompletableFuture.runAsync(() -> service.awaitReady(READY_TIMEOUT)))
				.toArray(CompletableFuture[]::new))
			.join();
		for (Service service : all) {
			this.out.printf("  %-45s %s%n", service.module(), service.url());
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		Path pids = this.config.dataDir().resolve("pids");
		Files.createDirectories(pids);
		Files.writeString(pids.resolve("launcher.pid"), String.valueOf(ProcessHandle.current().pid()));
		Files.writeString(this.config.dataDir().resolve("ready.json"), String.format(java.util.Locale.ROOT,
				"{\"readySeconds\": %.1f, \"gateway\": \"%s\"}%n", seconds, gatewayUrl()));
		this.out.printf("Waystation is ready in %.1f s: gateway %s (Ctrl-C stops everything)%n", seconds, gatewayUrl());
		this.watchdog = java.util.concurrent.Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "stack-watchdog");
			thread.setDaemon(true);
			return thread;
		});
		this.watchdog.scheduleWithFixedDelay(this::watch, 500, 500, java.util.concurrent.TimeUnit.MILLISECONDS);
		this.out.println("Only the gateway is for users and clients; the other ports are for the stack itself. "
				+ "Demo sign-ins (this local stack only): staff.hrss, triage, supervisor, admin, ... with the "
				+ "password waystation-demo (see the README).");
	}

	/** Starts one child of the stack. */
	@FunctionalInterface
	private interface Starter {

		Service start() throws IOException;

	}

	/**
	 * Keeps the stack whole, checked twice a second: a service, the gateway or the Kafka
	 * broker that stops without being asked (it crashed, or was killed) is started again
	 * at once, with the same settings, and again after a growing pause (at most 30 s)
	 * while it keeps failing to come up.
	 */
	private void watch() {
		if (isClosed()) {
			return;
		}
		try {
			if (this.kafka != null && !this.kafka.isAlive()) {
				this.out.println("  Kafka broker stopped (exit code " + this.kafka.exitCode() + "): starting it again");
				KafkaBroker broker = KafkaBroker.start(this.config);
				this.kafka = started(broker, broker::stop);
				this.kafka.awaitReadyAndCreateTopics(this.config, READY_TIMEOUT);
			}
			for (int i = 0; i < this.services.size(); i++) {
				Service service = this.services.get(i);
				if (!service.isAlive() && due(service.module())) {
					this.services.set(i, restart(service));
				}
			}
			if (this.gateway != null && !this.gateway.isAlive() && due("gateway")) {
				this.gateway = restart(this.gateway);
			}
		}
		catch (IOException | RuntimeException ex) {
			if (!isClosed()) {
				this.out.println("  Could not start a stopped part again (trying once more): " + ex.getMessage());
			}
		}
	}

	/** Whether a part that failed to come up may be tried again yet. */
	private boolean due(String module) {
		Instant next = this.nextAttempt.get(module);
		return !isClosed() && (next == null || !Instant.now().isBefore(next));
	}

	private Service restart(Service stopped) throws IOException {
		String module = stopped.module();
		this.out.println("  " + module + " stopped (exit code " + stopped.exitCode() + "): starting it again");
		Service fresh = started(this.starters.get(module).start(), () -> {
		});
		try {
			fresh.awaitReady(READY_TIMEOUT);
			this.pause.remove(module);
			this.nextAttempt.remove(module);
			this.out.println("  " + module + " is ready again");
		}
		catch (IllegalStateException ex) {
			Duration wait = this.pause.merge(module, Duration.ofSeconds(1),
					(before, one) -> (before.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0)
							? Duration.ofSeconds(30) : before.multipliedBy(2));
			this.nextAttempt.put(module, Instant.now().plus(wait));
			this.out.println("  " + module + " did not come up: " + ex.getMessage().lines().findFirst().orElse("")
					+ "; trying again in " + wait.toSeconds() + " s");
			fresh.stop();
		}
		return fresh;
	}

	private synchronized boolean isClosed() {
		return this.closed;
	}

	/**
	 * The issuer, and where the screens may be sent back to after sign-in and sign-out:
	 * the gateway by name and by address.
	 */
	private List<String> identityArguments() {
		List<String> arguments = new ArrayList<>(List.of("--waystation.identity.issuer=" + this.config.issuer()));
		List<String> origins = List.of(this.config.issuer(), url(this.config.gatewayPort()));
		int afterSignOut = 0;
		for (int i = 0; i < origins.size(); i++) {
			arguments.add("--waystation.identity.web-client.redirect-uris[" + i + "]=" + origins.get(i) + "/signed-in");
			for (String area : List.of("staff", "supervisor", "admin", "operator")) {
				arguments.add("--waystation.identity.web-client.post-logout-redirect-uris[" + afterSignOut++ + "]="
						+ origins.get(i) + "/" + area);
			}
		}
		return arguments;
	}

	private static final List<String> SERVICES_AND_GATEWAY = List.of("identity-service", "intake-service",
			"routing-service", "department-service", "notification-service", "gateway");

	/** Each service gets the secrets it uses, and no others. */
	private static Map<String, String> secretsFor(String module, Map<String, String> all) {
		Map<String, String> given = new java.util.LinkedHashMap<>();
		all.forEach((name, value) -> {
			boolean wanted = switch (module) {
				case "identity-service" -> name.startsWith("WAYSTATION_IDENTITY_") || name.startsWith("WAYSTATION_SMS_")
						|| name.equals("WAYSTATION_PRIVACY_WORKER_ID_KEY");
				case "intake-service", "routing-service", "department-service" ->
					name.equals("WAYSTATION_PRIVACY_WORKER_ID_KEY");
				case "notification-service" -> name.startsWith("WAYSTATION_SMS_") || name.startsWith("WAYSTATION_IM_");
				default -> false;
			};
			if (wanted) {
				given.put(name, value);
			}
		});
		return given;
	}

	public String gatewayUrl() {
		return url(this.config.gatewayPort());
	}

	/** Where the SMS stand-in lists what would have been texted. */
	public String smsUrl() {
		return url(this.config.smsPort());
	}

	/** Where the IM stand-in lists what would have been sent by IM. */
	public String imUrl() {
		return url(this.config.imPort());
	}

	/** Where the mail stand-in lists what was mailed to an address. */
	public String mailUrl() {
		return url(this.config.mailPort());
	}

	private String url(int port) {
		return "http://" + this.config.host() + ":" + port;
	}

	private void checkPortsFree() {
		List<String> busy = new ArrayList<>();
		this.config.ports().forEach((what, port) -> {
			try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
				socket.setReuseAddress(true);
			}
			catch (IOException ex) {
				busy.add(what + " port " + port);
			}
		});
		if (!busy.isEmpty()) {
			throw new IllegalStateException("In use already (another stack running?): " + String.join(", ", busy)
					+ ". Stop it, or choose other ports, for example --gateway-port=9080 or WS_GATEWAY_PORT=9080.");
		}
	}

	/** Stops the gateway, then the services, then Kafka, then the store: each cleanly. */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		if (this.watchdog != null) {
			this.watchdog.shutdownNow();
		}
		try {
			Files.deleteIfExists(this.config.dataDir().resolve("ready.json"));
		}
		catch (IOException ex) {
			// Only a marker for tools.
		}
		if (this.gateway != null) {
			this.gateway.stop();
		}
		CompletableFuture
			.allOf(this.services.stream()
				.map((service) -> CompletableFuture.runAsync(service::stop))
				.toArray(CompletableFuture[]::new))
			.join();
		if (this.mail != null) {
			this.mail.close();
		}
		if (this.im != null) {
			this.im.close();
		}
		if (this.sms != null) {
			this.sms.close();
		}
		if (this.kafka != null) {
			this.kafka.stop();
		}
		if (this.mongo != null) {
			this.mongo.close();
		}
	}

}
