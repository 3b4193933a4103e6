package org.waystation.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway in front of four real HTTP servers that answer with their own name, so that
 * each path is seen to reach the service that owns it, with its method, query and body
 * intact.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingTest {

	private static final HttpServer INTAKE = backend("intake");

	private static final HttpServer ROUTING = backend("routing");

	private static final HttpServer DEPARTMENT = backend("department");

	private static final HttpServer NOTIFICATION = backend("notification");

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("waystation.services.intake", () -> url(INTAKE));
		registry.add("waystation.services.routing", () -> url(ROUTING));
		registry.add("waystation.services.department", () -> url(DEPARTMENT));
		registry.add("waystation.services.notification", () -> url(NOTIFICATION));
	}

	@AfterAll
	static void stopBackends() {
		for (HttpServer server : new HttpServer[] { INTAKE, ROUTING, DEPARTMENT, NOTIFICATION }) {
			server.stop(0);
		}
	}

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@CsvSource(textBlock = """
			POST, /api/v1/appeals,                                 intake
			GET,  /api/v1/appeals/WS7K3M9Q2X,                      intake
			GET,  /api/v1/routing/decisions/abc,                   routing
			POST, /api/v1/routing/preview,                         routing
			GET,  /api/v1/routing/hot-topics,                      routing
			POST, /api/v1/admin/routing-rules,                     routing
			GET,  /api/v1/admin/routing-rules/default-HOUSING,     routing
			POST, /api/v1/admin/classifier/retrain,                routing
			GET,  /api/v1/admin/sla-policies,                      department
			GET,  /api/v1/departments/HRSS/cases?status=OPEN,      department
			POST, /api/v1/cases/5d2f8a61/sign,                     department
			GET,  /api/v1/cases?status=RETURNED,                   department
			GET,  /api/v1/kpis?from=2026-11-01&to=2026-11-30,      department
			GET,  /api/v1/admin/calendar,                          department
			POST, /api/v1/appeals/WS7K3M9Q2X/rating,               intake
			GET,  /api/v1/notifications?appealId=abc,              notification
			""")
	void routesEachPathToTheServiceThatOwnsIt(String method, String path, String service) throws Exception {
		HttpResponse<String> response = send(method, path, "{\"text\":\"工资没发\"}");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).startsWith(service + " " + method + " " + path);
		if (method.equals("POST")) {
			assertThat(response.body()).endsWith("{\"text\":\"工资没发\"}");
		}
	}

	@Test
	void answersPathsNoServiceOwnsWithNotFound() throws Exception {
		assertThat(send("GET", "/api/v1/unknown", null).statusCode()).isEqualTo(404);
	}

	@Test
	void exposesSeparateProbesAndPrometheusMetrics() throws Exception {
		assertThat(send("GET", "/actuator/health/liveness", null).body()).contains("UP");
		assertThat(send("GET", "/actuator/health/readiness", null).body()).contains("UP");
		assertThat(send("GET", "/actuator/prometheus", null).body()).contains("jvm_memory_used_bytes");
		assertThat(send("GET", "/actuator/env", null).statusCode()).isEqualTo(404);
	}

	private HttpResponse<String> send(String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (body != null && method.equals("POST")) {
			request.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		}
		else {
			request.GET();
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static String url(HttpServer server) {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	private static HttpServer backend(String name) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/", (exchange) -> {
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				byte[] answer = (name + " " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + body)
					.getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(200, answer.length);
				exchange.getResponseBody().write(answer);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
