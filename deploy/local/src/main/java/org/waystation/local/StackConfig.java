package org.waystation.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the stack lives and which loopback ports it uses. Every value can be given as an
 * argument ({@code --gateway-port=9080}) or an environment variable
 * ({@code WS_GATEWAY_PORT}).
 *
 * @param home the project checkout, where the services' jars are built
 * @param dataDir where Kafka's log, MongoDB's file, the secrets and the logs are kept
 * across restarts
 * @param bindAddress the address every service, the gateway and the stand-ins listen on
 * (loopback unless told otherwise; Kafka and the store always listen on loopback)
 * @param rateLimits whether the gateway limits how often clients call (off only for load
 * tests)
 * @param serviceJavaOptions JVM options for each service
 * @param classDataSharing whether each service keeps the classes it loaded in an archive
 * for its next start (see {@link ClassDataSharing})
 * @param pipelineNice how many steps nicer (0–19: a lower priority for the CPU) routing,
 * department and notification run than the rest of the stack: under more load than the
 * machine carries, the store, the broker, the gateway and intake keep the CPU they need,
 * so appeals are still accepted at once and wait in Kafka, not at the door
 */
public record StackConfig(Path home, Path dataDir, String bindAddress, int gatewayPort, int identityPort,
		int intakePort, int routingPort, int departmentPort, int notificationPort, int smsPort, int imPort,
		int mailPort, int mailSmtpPort, int kafkaPort, int kafkaControllerPort, int mongoPort, boolean rateLimits,
		List<String> serviceJavaOptions, boolean classDataSharing, int pipelineNice) {

	static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

	static {
		DEFAULTS.put("home", ".");
		DEFAULTS.put("data-dir", "data");
		DEFAULTS.put("bind-address", "127.0.0.1");
		DEFAULTS.put("gateway-port", "8080");
		DEFAULTS.put("identity-port", "8085");
		DEFAULTS.put("intake-port", "8081");
		DEFAULTS.put("routing-port", "8082");
		DEFAULTS.put("department-port", "8083");
		DEFAULTS.put("notification-port", "8084");
		DEFAULTS.put("sms-port", "8025");
		DEFAULTS.put("im-port", "8027");
		DEFAULTS.put("mail-port", "8026");
		DEFAULTS.put("mail-smtp-port", "3025");
		DEFAULTS.put("kafka-port", "9092");
		DEFAULTS.put("kafka-controller-port", "9093");
		DEFAULTS.put("mongo-port", "27017");
		DEFAULTS.put("rate-limits", "on");
		DEFAULTS.put("class-data-sharing", "on");
		// Measured with ./benchmark.sh on 2026-12-08 (two cores), the pipeline at the
		// same priority as the rest: at 200 appeals/s, once routing and case opening kept
		// up, the gateway answered in 13.6-15.3 s p50 in three runs of four and turned
		// 4,216 appeals away in one; five steps nicer: 0.5-1.7 s p50, none turned away in
		// three. The price: straight after ready at 50/s, the slowest case 5.0-6.2 s, not
		// 3.7-4.7 s. Off by default until a fault run of that day, which left 96 tracking
		// views behind their signed cases with it, is understood.
		DEFAULTS.put("pipeline-nice", "0");
		// The client compiler only: six JVMs share two cores, and the server compiler's
		// work (half of each service's CPU until it is ready) costs more than its faster
		// code gains them (measured with ./benchmark.sh at 50 appeals/s: ready in 66 s
		// instead of 102 s, no 503s where there were 813, 276 MiB less at idle).
		DEFAULTS.put("service-java-options",
				"-Xms64m -Xmx384m -XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=96m -XX:TieredStopAtLevel=1");
	}

	/**
	 * Reads arguments first, then {@code WS_*} environment variables, then the defaults.
	 */
	public static StackConfig from(String[] args, Map<String, String> environment) {
		Map<String, String> values = new LinkedHashMap<>();
		DEFAULTS.forEach((key, value) -> {
			String variable = "WS_" + key.toUpperCase().replace('-', '_');
			values.put(key, environment.getOrDefault(variable, value));
		});
		for (String arg : args) {
			if (!arg.startsWith("--") || !arg.contains("=")) {
				throw new IllegalArgumentException("Arguments look like --gateway-port=9080; got " + arg);
			}
			String key = arg.substring(2, arg.indexOf('='));
			if (!DEFAULTS.containsKey(key)) {
				throw new IllegalArgumentException("Unknown option --" + key + "; known: "
						+ String.join(", ", DEFAULTS.keySet().stream().map((k) -> "--" + k).toList()));
			}
			values.put(key, arg.substring(arg.indexOf('=') + 1));
		}
		Path home = Path.of(values.get("home")).toAbsolutePath().normalize();
		Path data = home.resolve(values.get("data-dir")).toAbsolutePath().normalize();
		String rateLimits = values.get("rate-limits");
		if (!rateLimits.equals("on") && !rateLimits.equals("off")) {
			throw new IllegalArgumentException("--rate-limits must be on or off, got " + rateLimits);
		}
		String sharing = values.get("class-data-sharing");
		if (!sharing.equals("on") && !sharing.equals("off")) {
			throw new IllegalArgumentException("--class-data-sharing must be on or off, got " + sharing);
		}
		String bind = values.get("bind-address").strip();
		if (!bind.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
			throw new IllegalArgumentException(
					"--bind-address must be an IPv4 address such as 127.0.0.1 (or 0.0.0.0 for every interface), got "
							+ bind);
		}
		return new StackConfig(home, data, bind, port(values, "gateway-port"), port(values, "identity-port"),
				port(values, "intake-port"), port(values, "routing-port"), port(values, "department-port"),
				port(values, "notification-port"), port(values, "sms-port"), port(values, "im-port"),
				port(values, "mail-port"), port(values, "mail-smtp-port"), port(values, "kafka-port"),
				port(values, "kafka-controller-port"), port(values, "mongo-port"), rateLimits.equals("on"),
				List.of(values.get("service-java-options").trim().split("\\s+")), sharing.equals("on"),
				nice(values.get("pipeline-nice")));
	}

	private static int nice(String value) {
		try {
			int nice = Integer.parseInt(value.strip());
			if (nice < 0 || nice > 19) {
				throw new NumberFormatException();
			}
			return nice;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--pipeline-nice must be a whole number from 0 to 19, got " + value);
		}
	}

	private static int port(Map<String, String> values, String key) {
		try {
			int port = Integer.parseInt(values.get(key));
			if (port < 1 || port > 65535) {
				throw new NumberFormatException();
			}
			return port;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + key + " must be a port number, got " + values.get(key));
		}
	}

	/** Every port with what it is for, in start order. */
	Map<String, Integer> ports() {
		Map<String, Integer> ports = new LinkedHashMap<>();
		ports.put("MongoDB (mongo-java-server)", this.mongoPort);
		ports.put("Kafka", this.kafkaPort);
		ports.put("Kafka controller", this.kafkaControllerPort);
		ports.put("SMS stand-in", this.smsPort);
		ports.put("IM stand-in", this.imPort);
		ports.put("mail stand-in", this.mailPort);
		ports.put("mail stand-in SMTP", this.mailSmtpPort);
		ports.put("identity-service", this.identityPort);
		ports.put("intake-service", this.intakePort);
		ports.put("routing-service", this.routingPort);
		ports.put("department-service", this.departmentPort);
		ports.put("notification-service", this.notificationPort);
		ports.put("gateway", this.gatewayPort);
		return ports;
	}

	String kafkaBootstrap() {
		return "127.0.0.1:" + this.kafkaPort;
	}

	/** The address to reach the stack's own processes at. */
	String host() {
		return this.bindAddress.equals("0.0.0.0") ? "127.0.0.1" : this.bindAddress;
	}

	/**
	 * The issuer tokens name: the identity service as clients reach it, through the
	 * gateway.
	 */
	String issuer() {
		return "http://localhost:" + this.gatewayPort;
	}

	/** Where services fetch the identity service's public keys, directly. */
	String jwkSetUri() {
		return "http://" + host() + ":" + this.identityPort + "/oauth2/jwks";
	}

	String mongoUri(String database) {
		return "mongodb://127.0.0.1:" + this.mongoPort + "/" + database;
	}

	/**
	 * The launcher's own jar: its manifest's class path is what the Kafka broker runs on.
	 */
	Path launcherJar() {
		return this.home.resolve("deploy/local/target/waystation-local.jar");
	}

	Path serviceJar(String module) {
		return this.home.resolve(module).resolve("target").resolve(module + ".jar");
	}

	Path logDir() {
		return this.dataDir.resolve("logs");
	}

	/** Checks that what the stack runs has been built. */
	List<String> missingJars(List<String> modules) {
		List<String> missing = new ArrayList<>();
		if (!Files.isRegularFile(launcherJar())) {
			missing.add(launcherJar().toString());
		}
		modules.stream()
			.map(this::serviceJar)
			.filter((jar) -> !Files.isRegularFile(jar))
			.forEach((jar) -> missing.add(jar.toString()));
		return missing;
	}

}
