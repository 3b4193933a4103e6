package org.waystation.testsupport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of a service's integration scenarios: the service on a random port, an HTTP client
 * for it, and a recorder and a sender on the broker it uses. Subclasses pick the
 * infrastructure with {@link EmbeddedInfrastructureTest} or
 * {@link ContainerInfrastructureTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ServiceScenario {

	/** One recorder and one sender per broker, shared by every test of the JVM. */
	private static final Map<String, Clients> CLIENTS = new ConcurrentHashMap<>();

	@LocalServerPort
	private int port;

	@Value("${spring.kafka.bootstrap-servers}")
	private String bootstrapServers;

	protected HttpJson http() {
		return new HttpJson("http://127.0.0.1:" + this.port);
	}

	/** Every event published on the broker since the first test asked. */
	protected EventRecorder events() {
		return clients().recorder();
	}

	protected EventSender sender() {
		return clients().sender();
	}

	private Clients clients() {
		return CLIENTS.computeIfAbsent(this.bootstrapServers, (servers) -> {
			Clients clients = new Clients(new EventRecorder(servers), new EventSender(servers));
			Runtime.getRuntime().addShutdownHook(new Thread(clients::close, "test-clients-stop"));
			return clients;
		});
	}

	private record Clients(EventRecorder recorder, EventSender sender) {

		void close() {
			this.recorder.close();
			this.sender.close();
		}

	}

}
