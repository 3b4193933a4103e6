package org.waystation.testsupport;

import java.util.Map;
import java.util.function.Supplier;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a service under test at the test infrastructure: its Kafka broker, and a
 * database on its MongoDB-wire server named after the service ({@code intake-service}
 * uses {@code intake}).
 */
abstract class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private final Supplier<TestInfrastructure> infrastructure;

	InfrastructureInitializer(Supplier<TestInfrastructure> infrastructure) {
		this.infrastructure = infrastructure;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestInfrastructure started = this.infrastructure.get();
		String service = context.getEnvironment().getProperty("spring.application.name", "waystation");
		String database = service.replace("-service", "");
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("test-infrastructure", Map.of("spring.kafka.bootstrap-servers",
					started.kafkaBootstrapServers(), "spring.mongodb.uri", started.mongoUri(database))));
	}

	/** The embedded broker and mongo-java-server. */
	static class Embedded extends InfrastructureInitializer {

		Embedded() {
			super(EmbeddedInfrastructure::get);
		}

	}

	/** Kafka and MongoDB in containers. */
	static class Containers extends InfrastructureInitializer {

		Containers() {
			super(ContainerInfrastructure::get);
		}

	}

}
