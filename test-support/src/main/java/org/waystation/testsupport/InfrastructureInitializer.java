package org.waystation.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Points a service under test at the test infrastructure: its Kafka broker, a database on
 * its MongoDB-wire server named after the service ({@code intake-service} uses
 * {@code intake}), the test token issuer, a worker id key, the stand-ins for the SMS
 * gateway, the IM send API and (for a service that mails) the mail server, and one
 * consumer per listener.
 */
abstract class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/**
	 * The worker id key of services under test; {@link TestWorkers} derives ids with it.
	 */
	static final String TEST_WORKER_ID_KEY = "test-worker-id-key-0123456789";

	/** The name of the property source that points a service at the infrastructure. */
	static final String PROPERTY_SOURCE = "test-infrastructure";

	private final Supplier<TestInfrastructure> infrastructure;

	InfrastructureInitializer(Supplier<TestInfrastructure> infrastructure) {
		this.infrastructure = infrastructure;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestInfrastructure started = this.infrastructure.get();
		String service = context.getEnvironment().getProperty("spring.application.name", "waystation");
		String database = service.replace("-service", "");
		Map<String, Object> properties = new LinkedHashMap<>(TestIssuer.get().properties());
		properties.put("spring.kafka.bootstrap-servers", started.kafkaBootstrapServers());
		properties.put("spring.mongodb.uri", started.mongoUri(database));
		properties.put("waystation.privacy.worker-id-key", TEST_WORKER_ID_KEY);
		properties.put("waystation.sms.url", TestSms.get().sendUrl().toString());
		properties.put("waystation.sms.api-key", TestSms.API_KEY);
		properties.put("waystation.im.url", TestMessaging.im().sendUrl().toString());
		properties.put("waystation.im.api-key", TestMessaging.IM_API_KEY);
		if (ClassUtils.isPresent("org.springframework.mail.javamail.JavaMailSender", null)) {
			// A service that mails: GreenMail takes it.
			properties.put("spring.mail.host", "127.0.0.1");
			properties.put("spring.mail.port", String.valueOf(TestMessaging.mail().smtpPort()));
		}
		// One consumer per listener: lean on two cores, and two instances of a service
		// under test each own some of a topic's partitions.
		properties.put("spring.kafka.listener.concurrency", "1");
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
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
