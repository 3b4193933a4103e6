package org.waystation.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * A second instance of the service under test, beside the one the test runs: the same
 * application on its own random port, with the same broker, store, issuer and test
 * properties, so the two share one Kafka consumer group and one database as two deployed
 * instances do.
 */
public final class AnotherInstance implements AutoCloseable {

	/** The property sources of the first instance that the second gets too. */
	private static final List<String> SHARED = List.of(InfrastructureInitializer.PROPERTY_SOURCE,
			TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME);

	private final ConfigurableApplicationContext context;

	private AnotherInstance(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Starts the application as the first instance was started, on another port.
	 * @param like the environment of the first instance
	 */
	public static AnotherInstance of(Class<?> application, ConfigurableEnvironment like) {
		Map<String, Object> properties = new LinkedHashMap<>();
		for (String name : SHARED) {
			PropertySource<?> source = like.getPropertySources().get(name);
			if (source instanceof EnumerablePropertySource<?> enumerable) {
				for (String key : enumerable.getPropertyNames()) {
					properties.put(key, enumerable.getProperty(key));
				}
			}
		}
		properties.put("server.port", "0");
		SpringApplication app = new SpringApplication(application);
		app.addInitializers((context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("another-instance", properties)));
		return new AnotherInstance(app.run());
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	public HttpJson http() {
		return new HttpJson(
				"http://127.0.0.1:" + this.context.getEnvironment().getRequiredProperty("local.server.port"));
	}

	@Override
	public void close() {
		this.context.close();
	}

}
