package org.waystation.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

import org.waystation.events.Topics;

/**
 * A single Kafka broker in KRaft mode (broker and controller in one process), run from
 * the Kafka jars on the launcher's class path. Its storage is formatted once and kept
 * across restarts.
 */
final class KafkaBroker {

	static final int PARTITIONS = 3;

	private final ChildProcess process;

	private KafkaBroker(ChildProcess process) {
		this.process = process;
	}

	static KafkaBroker start(StackConfig config) throws IOException {
		Path dir = config.dataDir().resolve("kafka");
		Path logs = dir.resolve("logs");
		Files.createDirectories(logs);
		Path properties = dir.resolve("server.properties");
		Files.writeString(properties, serverProperties(config, logs));
		Path log4j = dir.resolve("log4j2.properties");
		Files.writeString(log4j, String.join("\n", "rootLogger.level = INFO", "rootLogger.appenderRef.out.ref = out",
				"appender.out.type = Console", "appender.out.name = out", "appender.out.layout.type = PatternLayout",
				"appender.out.layout.pattern = %d{ISO8601} %-5p [%c{1}] %m%n", "logger.kafka.name = kafka",
				"logger.kafka.level = WARN", "logger.apache.name = org.apache.kafka", "logger.apache.level = WARN",
				""));
		List<String> jvm = List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
				"-Dlog4j2.configurationFile=" + log4j.toUri(), "-cp", config.launcherJar().toString());
		Path kafkaLog = config.logDir().resolve("kafka.log");
		if (!Files.exists(logs.resolve("meta.properties"))) {
			ChildProcess.run(
					"kafka-storage-format", ChildProcess.java(jvm, "kafka.tools.StorageTool", "format", "-t",
							Uuid.randomUuid().toString(), "-c", properties.toString()),
					kafkaLog, Duration.ofMinutes(2));
		}
		return new KafkaBroker(
				ChildProcess.start("kafka", ChildProcess.java(jvm, "kafka.Kafka", properties.toString()), kafkaLog));
	}

	private static String serverProperties(StackConfig config, Path logs) {
		Map<String, String> settings = new java.util.LinkedHashMap<>();
		settings.put("process.roles", "broker,controller");
		settings.put("node.id", "1");
		settings.put("controller.quorum.voters", "1@127.0.0.1:" + config.kafkaControllerPort());
		settings.put("listeners", "PLAINTEXT://127.0.0.1:" + config.kafkaPort() + ",CONTROLLER://127.0.0.1:"
				+ config.kafkaControllerPort());
		settings.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + config.kafkaPort());
		settings.put("controller.listener.names", "CONTROLLER");
		settings.put("inter.broker.listener.name", "PLAINTEXT");
		settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		settings.put("log.dirs", logs.toString());
		settings.put("num.partitions", String.valueOf(PARTITIONS));
		settings.put("default.replication.factor", "1");
		settings.put("min.insync.replicas", "1");
		settings.put("offsets.topic.replication.factor", "1");
		settings.put("offsets.topic.num.partitions", "3");
		settings.put("transaction.state.log.replication.factor", "1");
		settings.put("transaction.state.log.min.isr", "1");
		settings.put("share.coordinator.state.topic.replication.factor", "1");
		settings.put("share.coordinator.state.topic.min.isr", "1");
		settings.put("group.initial.rebalance.delay.ms", "0");
		settings.put("auto.create.topics.enable", "false");
		StringBuilder text = new StringBuilder("# Written by the local stack at every start.\n");
		settings.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
		return text.toString();
	}

	/**
	 * Waits until the broker answers, then creates the Waystation topics that are
	 * missing.
	 */
	void awaitReadyAndCreateTopics(StackConfig config, Duration timeout) {
		Properties properties = new Properties();
		properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
		properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
		properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "4000");
		Instant deadline = Instant.now().plus(timeout);
		try (Admin admin = Admin.create(properties)) {
			while (true) {
				this.process.checkAlive();
				try {
					Set<String> existing = admin.listTopics().names().get(4, TimeUnit.SECONDS);
					List<NewTopic> missing = Topics.all()
						.stream()
						.filter((topic) -> !existing.contains(topic))
						.map((topic) -> new NewTopic(topic, PARTITIONS, (short) 1))
						.toList();
					if (!missing.isEmpty()) {
						admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
					}
					return;
				}
				catch (ExecutionException | TimeoutException ex) {
					if (Instant.now().isAfter(deadline)) {
						throw new IllegalStateException("Kafka not ready within " + timeout + ": " + ex.getMessage()
								+ "\n" + this.process.tail());
					}
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for Kafka", ex);
		}
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	int exitCode() {
		return this.process.exitCode();
	}

	void stop() {
		this.process.stop(Duration.ofSeconds(30));
	}

}
