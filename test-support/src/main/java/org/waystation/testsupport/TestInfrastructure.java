package org.waystation.testsupport;

import java.util.function.Supplier;

import org.springframework.test.context.DynamicPropertyRegistry;

/** A Kafka broker and a MongoDB-wire server that tests talk to over TCP. */
public interface TestInfrastructure {

	String kafkaBootstrapServers();

	String mongoUri(String database);

	/**
	 * Points a Spring Boot test at the infrastructure. The supplier is called only when
	 * the context starts, so a test class that is skipped never starts anything.
	 */
	static void register(DynamicPropertyRegistry registry, Supplier<TestInfrastructure> infrastructure,
			String database) {
		registry.add("spring.kafka.bootstrap-servers", () -> infrastructure.get().kafkaBootstrapServers());
		registry.add("spring.mongodb.uri", () -> infrastructure.get().mongoUri(database));
	}

}
