package org.waystation.testsupport;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import org.waystation.events.Topics;

/**
 * Real Kafka and a real MongoDB replica set in containers, for test classes marked
 * {@code @Testcontainers(disabledWithoutDocker = true)}: they are skipped where no Docker
 * engine runs, and otherwise cover what mongo-java-server does not.
 */
public final class ContainerInfrastructure implements TestInfrastructure {

	/** Pinned images: a test never changes because an image moved. */
	public static final String KAFKA_IMAGE = "apache/kafka-native:4.1.2";

	public static final String MONGO_IMAGE = "mongo:8.0.15";

	private static ContainerInfrastructure instance;

	private final KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);

	private final MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);

	private ContainerInfrastructure() {
		this.kafka.start();
		this.mongo.start();
		createTopics();
	}

	public static synchronized ContainerInfrastructure get() {
		if (instance == null) {
			instance = new ContainerInfrastructure();
		}
		return instance;
	}

	@Override
	public String kafkaBootstrapServers() {
		return this.kafka.getBootstrapServers();
	}

	@Override
	public String mongoUri(String database) {
		return this.mongo.getReplicaSetUrl(database);
	}

	private void createTopics() {
		Properties properties = new Properties();
		properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers());
		try (Admin admin = Admin.create(properties)) {
			List<NewTopic> topics = Topics.all().stream().map((name) -> new NewTopic(name, 3, (short) 1)).toList();
			admin.createTopics(topics).all().get();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Cannot create topics", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
