package org.waystation.testsupport;

import java.net.InetSocketAddress;
import java.util.Map;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.waystation.events.Topics;

/**
 * A KRaft Kafka broker and a mongo-java-server, started on loopback the first time a test
 * asks and shared by every test of the JVM.
 */
public final class EmbeddedInfrastructure implements TestInfrastructure {

	private static EmbeddedInfrastructure instance;

	private final EmbeddedKafkaKraftBroker kafka;

	private final MongoServer mongo;

	private final String mongoAddress;

	private EmbeddedInfrastructure() {
		this.kafka = new EmbeddedKafkaKraftBroker(1, 3, Topics.all().toArray(String[]::new));
		this.kafka.brokerProperties(Map.of("auto.create.topics.enable", "false", "group.initial.rebalance.delay.ms",
				"0", "offsets.topic.num.partitions", "3"));
		this.kafka.afterPropertiesSet();
		this.mongo = new MongoServer(new MemoryBackend());
		this.mongo.bind("127.0.0.1", 0);
		InetSocketAddress address = this.mongo.getLocalAddress();
		this.mongoAddress = address.getHostString() + ":" + address.getPort();
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
		return "mongodb://" + this.mongoAddress + "/" + database;
	}

	private void stop() {
		this.mongo.shutdownNow();
		this.kafka.destroy();
	}

}
