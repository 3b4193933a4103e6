package org.waystation.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.waystation.events.Topics;
import org.waystation.store.MongoStore;

/**
 * A KRaft Kafka broker and the local stack's store (mongo-java-server with its journal
 * and the indexes the services declare, in a temporary directory), started on loopback
 * the first time a test asks and shared by every test of the JVM. The services' queries
 * run on the same store, index planner included, as they do under {@code ./run.sh}.
 */
public final class EmbeddedInfrastructure implements TestInfrastructure {

	private static EmbeddedInfrastructure instance;

	private final EmbeddedKafkaKraftBroker kafka;

	private final Path mongoDirectory;

	private final MongoStore mongo;

	private EmbeddedInfrastructure() {
		this.kafka = new EmbeddedKafkaKraftBroker(1, 3, Topics.all().toArray(String[]::new));
		this.kafka.brokerProperties(Map.of("auto.create.topics.enable", "false", "group.initial.rebalance.delay.ms",
				"0", "offsets.topic.num.partitions", "3"));
		this.kafka.afterPropertiesSet();
		try {
			this.mongoDirectory = Files.createTempDirectory("waystation-test-store");
			this.mongo = MongoStore.start(this.mongoDirectory, 0, MongoStore.CHECKPOINT_MILLIS,
					MongoStore.TEST_CACHE_MIB);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static synchronized EmbeddedInfrastructure get() {
		if (instance == null) {
			instance = new EmbeddedInfrastructure();
			Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "embedded-infrastructure-stop"));
		}
		return instance;
	}

	@Override
	public String kafkaBootstrapServers() {
		return this.kafka.getBrokersAsString();
	}

	@Override
	public String mongoUri(String database) {
		return "mongodb://127.0.0.1:" + this.mongo.port() + "/" + database;
	}

	private void stop() {
		this.mongo.close();
		this.kafka.destroy();
		try (Stream<Path> files = Files.walk(this.mongoDirectory)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// A temporary directory left behind is the only cost.
		}
	}

}
