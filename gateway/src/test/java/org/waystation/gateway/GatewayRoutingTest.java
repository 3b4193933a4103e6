package org.waystation.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.waystation.standins.IssuerStandIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway in front of real HTTP servers that answer with their own name and what they
 * were sent, so that each path is seen to reach the service that owns it with its method,
 * query, body and token intact, and everything the gateway refuses is seen never to reach
 * one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "waystation.gateway.max-body-size=64KB", "waystation.gateway.larger-bodies[0].method=POST",
				"waystation.gateway.larger-bodies[0].path=/api/v1/appeals",
				"waystation.gateway.larger-bodies[0].max-body-size=128KB",
				"waystation.gateway.rate-limits[0].name=sign-in", "waystation.gateway.rate-limits[0].methods[0]=POST",
				"waystation.gateway.rate-limits[0].paths[0]=/api/v1/auth/login",
				"waystation.gateway.rate-limits[0].key=CLIENT", "waystation.gateway.rate-limits[0].requests=3",
				"waystation.gateway.rate-limits[0].per=1m", "waystation.gateway.rate-limits[1].name=account",
				"waystation.gateway.rate-limits[1].paths[0]=/api/v1/kpis",
				"waystation.gateway.rate-limits[1].key=ACCOUNT", "waystation.gateway.rate-limits[1].requests=2",
				"waystation.gateway.rate-limits[1].per=1h",
				"waystation.gateway.cors-allowed-origins[0]=https://portal.example.gov.cn",
				"resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=2",
				"resilience4j.circuitbreaker.configs.default.sliding-window-size=2" })
class GatewayRoutingTest {

	private static final IssuerStandIn ISSUER = new IssuerStandIn();

	private static final HttpServer INTAKE = backend("intake");

	private static final HttpServer ROUTING = backend("routing");

	private static final HttpServer DEPARTMENT = backend("department");

	private static final HttpServer NOTIFICATION = backend("notification");

	private static final HttpServer IDENTITY = backend("identity");

	private static final AtomicInteger BACKEND_CALLS = new AtomicInteger();

	/**
	 * Calls the intake stand-in holds until all have arrived: more than a small bulkhead.
	 */
	private static final CountDownLatch HELD_TOGETHER = new CountDownLatch(60);

	private static final String TOKEN = ISSUER.staff("hrss.wang", "HRSS");

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("waystation.services.intake", () -> url(INTAKE));
		registry.add("waystation.services.routing", () -> url(ROUTING));
		registry.add("waystation.services.department", () -> url(DEPARTMENT));
		registry.add("waystation.services.identity", () -> url(IDENTITY));
		// Nobody listens there: the notification route shows the circuit breaker.
		registry.add("waystation.services.notification", () -> "http://127.0.0.1:" + closedPort());
		ISSUER.properties()
			.forEach((key, value) -> registry.add(key.replace("waystation.security.", "waystation.gateway."),
					() -> value));
	}

	@AfterAll
	static void stopBackends() {
		for (HttpServer server : new HttpServer[] { INTAKE, ROUTING, DEPARTMENT, NOTIFICATION, IDENTITY }) {
			server.stop(0);
		}
	}

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@CsvSource(textBlock = """
			POST, /api/v1/appeals,                                 intake
			GET,  /api/v1/appeals/WS7K3M9Q2X,                      intake
			GET,  /api/v1/audit/contact-reads,                     intake
			GET,  /api/v1/routing/decisions/abc,                   routing
			POST, /api/v1/routing/preview,                         routing
			GET,  /api/v1/routing/hot-topics,                      routing
			POST, /api/v1/admin/routing-rules,                     routing
			GET,  /api/v1/admin/routing-rules/default-HOUSING,     routing
			POST, /api/v1/admin/classifier/retrain,                routing
			GET,  /api/v1/admin/dead-letters?topic=case.events,    routing
			POST, /api/v1/admin/dead-letters/case.events-dlt/0/7/replay, routing
			GET,  /api/v1/admin/sla-policies,                      department
			GET,  /api/v1/departments/HRSS/cases?status=OPEN,      department
			POST, /api/v1/cases/5d2f8a61/sign,                     department
			GET,  /api/v1/cases?status=RETURNED,                   department
			GET,  /api/v1/supervision/worklist?kind=URGENT,        department
			POST, /api/v1/supervision/alerts/a-1/ack,              department
			GET,  /api/v1/admin/calendar,                          department
			POST, /api/v1/appeals/WS7K3M9Q2X/rating,               intake
			POST, /api/v1/auth/otp,                                identity
			GET,  /api/v1/auth/me,                                 identity
			GET,  /api/v1/admin/accounts/staff.hrss,               identity
			POST, /api/v1/admin/signing-keys/rotate,               identity
			GET,  /.well-known/openid-configuration,               identity
			GET,  /oauth2/jwks,                                    identity
			""")
	void routesEachPathToTheServiceThatOwnsItWithTheTokenRelayed(String method, String path, String service)
			throws Exception {
		HttpResponse<String> response = send(method, path, "{\"text\":\"工资没发\"}", "Authorization", "Bearer " + TOKEN);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).startsWith(service + " " + method + " " + path);
		assertThat(response.body()).contains("authorization=Bearer " + TOKEN);
		if (method.equals("POST")) {
			assertThat(response.body()).endsWith("{\"text\":\"工资没发\"}");
		}
	}

	@Test
	void letsOnlyThePublicEndpointsThroughWithoutAToken() throws Exception {
		int before = BACKEND_CALLS.get();
		HttpResponse<String> submission = send("POST", "/api/v1/appeals", "{}");
		HttpResponse<String> login = send("POST", "/api/v1/auth/otp", "{}");
		HttpResponse<String> discovery = send("GET", "/.well-known/openid-configuration", null);
		int passed = BACKEND_CALLS.get() - before;

		HttpResponse<String> queue = send("GET", "/api/v1/departments/HRSS/cases", null);
		HttpResponse<String> tracking = send("GET", "/api/v1/appeals/WS7K3M9Q2X", null);

		assertThat(List.of(submission.statusCode(), login.statusCode(), discovery.statusCode())).containsOnly(200);
		assertThat(passed).isEqualTo(3);
		assertThat(queue.statusCode()).isEqualTo(401);
		assertThat(queue.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
		assertThat(queue.body()).contains("\"code\":\"unauthenticated\"");
		assertThat(queue.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
		assertThat(tracking.statusCode()).isEqualTo(401);
		assertThat(BACKEND_CALLS.get() - before).isEqualTo(3);
	}

	@Test
	void servesTheScreensItselfUnderAPolicyThatAllowsNothingFromOutside() throws Exception {
		int before = BACKEND_CALLS.get();
		for (String page : List.of("/", "/staff", "/supervisor", "/admin", "/operator", "/signed-in")) {
			HttpResponse<String> response = send("GET", page, null);
			assertThat(response.statusCode()).as(page).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
			assertThat(response.body()).as(page).contains("<html lang=\"zh-CN\">").contains("/assets/");
			assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
				.contains("script-src 'self'")
				.contains("style-src 'self'")
				.doesNotContain("unsafe");
		}
		HttpResponse<String> script = send("GET", "/assets/common.js", null);
		HttpResponse<String> taxonomy = send("GET", "/assets/taxonomy.json", null);
		HttpResponse<String> charts = send("GET", "/webjars/echarts/echarts.min.js", null);

		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(script.body()).contains("export async function api(");
		assertThat(taxonomy.body()).contains("\"HRSS\"").contains("人力资源和社会保障局");
		assertThat(charts.statusCode()).isEqualTo(200);
		// The pages are the gateway's own: no service was called for them.
		assertThat(BACKEND_CALLS.get()).isEqualTo(before);
		// Writing to a page address is not a way round the token check.
		assertThat(send("POST", "/staff", "{}").statusCode()).isEqualTo(401);
	}

	@Test
	void refusesTokensThatAreExpiredForeignOrForgedBeforeTheyReachAService() throws Exception {
		int before = BACKEND_CALLS.get();
		List<String> bad = List.of(
				ISSUER.token("hrss.wang")
					.roles("STAFF")
					.issuedAt(java.time.Instant.now().minusSeconds(7200), java.time.Duration.ofMinutes(15))
					.sign(),
				ISSUER.token("hrss.wang").roles("STAFF").issuedBy("https://issuer.evil.example").sign(),
				ISSUER.token("hrss.wang").roles("ADMIN").signedWithUnknownKey().sign(), "garbage");
		for (String token : bad) {
			HttpResponse<String> response = send("GET", "/api/v1/cases/abc", null, "Authorization", "Bearer " + token);
			assertThat(response.statusCode()).as(token).isEqualTo(401);
			assertThat(response.body()).contains("\"code\":\"invalid-token\"");
		}
		assertThat(BACKEND_CALLS.get()).isEqualTo(before);
		assertThat(send("GET", "/actuator/prometheus", null).body())
			.containsPattern("waystation_security_refusals_total\\{.*reason=\"invalid-token\".*} [4-9]");
	}

	@Test
	void givesEveryRequestACorrelationIdAndPassesOnlyItsOwnClientAddress() throws Exception {
		HttpResponse<String> created = send("GET", "/api/v1/cases/abc", null, "Authorization", "Bearer " + TOKEN,
				"X-Forwarded-For", "6.6.6.6");
		HttpResponse<String> kept = send("GET", "/api/v1/cases/abc", null, "Authorization", "Bearer " + TOKEN,
				"X-Correlation-Id", "req-2026-0001");
		HttpResponse<String> replaced = send("GET", "/api/v1/cases/abc", null, "Authorization", "Bearer " + TOKEN,
				"X-Correlation-Id", "<script>");

		String id = created.headers().firstValue("X-Correlation-Id").orElseThrow();
		assertThat(id).matches("[0-9a-f-]{36}");
		assertThat(created.body()).contains("correlation=" + id)
			.contains("forwardedFor=127.0.0.1")
			.doesNotContain("6.6.6.6");
		assertThat(kept.headers().firstValue("X-Correlation-Id")).contains("req-2026-0001");
		assertThat(kept.body()).contains("correlation=req-2026-0001");
		assertThat(replaced.headers().firstValue("X-Correlation-Id").orElseThrow()).doesNotContain("<");
	}

	@Test
	void refusesBodiesOverTheLimitWithAProblemDetail() throws Exception {
		int before = BACKEND_CALLS.get();
		String large = "{\"text\":\"" + "欠".repeat(30_000) + "\"}";

		HttpResponse<String> sized = send("POST", "/api/v1/auth/otp", large);
		HttpResponse<String> streamed = this.client
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/auth/otp"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofInputStream(() -> new java.io.ByteArrayInputStream(large.getBytes(StandardCharsets.UTF_8))))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(sized.statusCode()).isEqualTo(413);
		assertThat(sized.body()).contains("\"code\":\"body-too-large\"");
		assertThat(streamed.statusCode()).isEqualTo(413);
		assertThat(BACKEND_CALLS.get()).isEqualTo(before);

		// An appeal may be larger (its photos), up to its own limit.
		HttpResponse<String> appeal = send("POST", "/api/v1/appeals", large);
		HttpResponse<String> tooLargeAppeal = send("POST", "/api/v1/appeals", large.replace("欠", "欠欠"));

		assertThat(appeal.statusCode()).isEqualTo(200);
		assertThat(tooLargeAppeal.statusCode()).isEqualTo(413);
		assertThat(tooLargeAppeal.body()).contains("\"maxBytes\":131072");
		assertThat(BACKEND_CALLS.get()).isEqualTo(before + 1);
	}

	@Test
	void limitsHowOftenAClientSignsInAndAnAccountCalls() throws Exception {
		List<Integer> signIns = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			signIns.add(send("POST", "/api/v1/auth/login", "{}").statusCode());
		}
		HttpResponse<String> limited = send("POST", "/api/v1/auth/login", "{}");
		String other = ISSUER.supervisor("hrss.li", "HRSS");
		List<Integer> accountCalls = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			accountCalls.add(send("GET", "/api/v1/kpis", null, "Authorization", "Bearer " + other).statusCode());
		}
		HttpResponse<String> anotherAccount = send("GET", "/api/v1/kpis", null, "Authorization", "Bearer " + TOKEN);

		assertThat(signIns).containsExactly(200, 200, 200, 429);
		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
		assertThat(limited.body()).contains("\"code\":\"too-many-requests\"");
		assertThat(accountCalls).containsExactly(200, 200, 429);
		assertThat(anotherAccount.statusCode()).isEqualTo(200);
	}

	@Test
	void carriesManyCallsToOneServiceAtOnce() throws Exception {
		// The intake stand-in answers only once all of them are in: each is held until
		// the others arrive.
		int calls = (int) HELD_TOGETHER.getCount();
		List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
		for (int i = 0; i < calls; i++) {
			answers.add(this.client
				.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/appeals/held"))
					.header("Authorization", "Bearer " + TOKEN)
					.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
		}

		assertThat(answers).extracting((answer) -> answer.get(30, TimeUnit.SECONDS).statusCode())
			.containsOnly(200)
			.hasSize(calls);
		assertThat(HELD_TOGETHER.getCount()).isZero();
	}

	@Test
	void answersForAServiceThatIsDownWithAProblemDetailAndThenOpensItsCircuit() throws Exception {
		HttpResponse<String> first = send("GET", "/api/v1/notifications?appealId=abc", null, "Authorization",
				"Bearer " + TOKEN);
		send("GET", "/api/v1/notifications?appealId=abc", null, "Authorization", "Bearer " + TOKEN);
		HttpResponse<String> open = send("GET", "/api/v1/notifications?appealId=abc", null, "Authorization",
				"Bearer " + TOKEN);

		assertThat(first.statusCode()).isEqualTo(503);
		assertThat(first.body()).contains("\"code\":\"service-unavailable\"", "notification-service");
		assertThat(first.headers().firstValue("Retry-After")).isPresent();
		assertThat(open.statusCode()).isEqualTo(503);
		assertThat(send("GET", "/actuator/prometheus", null).body())
			.containsPattern("resilience4j_circuitbreaker_state\\{.*name=\"notification\".*state=\"open\".*} 1");
	}

	@Test
	void setsSecurityHeadersAndAllowsOnlyConfiguredOrigins() throws Exception {
		HttpResponse<String> response = send("GET", "/api/v1/cases/abc", null, "Authorization", "Bearer " + TOKEN);
		HttpResponse<String> allowed = preflight("https://portal.example.gov.cn");
		HttpResponse<String> foreign = preflight("https://evil.example");

		assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
		assertThat(response.headers().firstValue("Content-Security-Policy").orElse(""))
			.contains("frame-ancestors 'none'");
		assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
		assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
			.contains("https://portal.example.gov.cn");
		assertThat(foreign.statusCode()).isEqualTo(403);
		assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	@Test
	void servesEachServicesApiDescriptionAndTheViewerWithoutAToken() throws Exception {
		HttpResponse<String> description = send("GET", "/api-docs/department", null);
		HttpResponse<String> viewer = send("GET", "/swagger-ui/index.html", null);
		HttpResponse<String> config = send("GET", "/v3/api-docs/swagger-config", null);

		assertThat(description.statusCode()).isEqualTo(200);
		assertThat(description.body()).startsWith("department GET /v3/api-docs");
		assertThat(viewer.statusCode()).isEqualTo(200);
		assertThat(viewer.body()).contains("swagger-ui");
		assertThat(viewer.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'")
			.contains("frame-ancestors 'none'")
			.doesNotContain("http");
		assertThat(config.statusCode()).isEqualTo(200);
		assertThat(config.body()).contains("/api-docs/intake", "/api-docs/department", "/api-docs/identity");
		assertThat(send("POST", "/api-docs/department", "{}").statusCode()).as("reads only").isEqualTo(401);
	}

	@Test
	void answersPathsNoServiceOwnsWithNotFound() throws Exception {
		assertThat(send("GET", "/api/v1/unknown", null, "Authorization", "Bearer " + TOKEN).statusCode())
			.isEqualTo(404);
	}

	@Test
	void exposesSeparateProbesAndPrometheusMetrics() throws Exception {
		assertThat(send("GET", "/actuator/health/liveness", null).body()).contains("UP");
		assertThat(send("GET", "/actuator/health/readiness", null).body()).contains("UP");
		assertThat(send("GET", "/actuator/prometheus", null).body()).contains("jvm_memory_used_bytes");
		assertThat(send("GET", "/actuator/env", null, "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(404);
	}

	private HttpResponse<String> preflight(String origin) throws Exception {
		return this.client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/appeals"))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", origin)
			.header("Access-Control-Request-Method", "POST")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
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

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static HttpServer backend(String name) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
			server.setExecutor(Executors.newCachedThreadPool());
			server.createContext("/api/v1/appeals/held", (exchange) -> {
				HELD_TOGETHER.countDown();
				int status;
				try {
					status = HELD_TOGETHER.await(20, TimeUnit.SECONDS) ? 200 : 504;
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					status = 500;
				}
				exchange.sendResponseHeaders(status, -1);
				exchange.close();
			});
			server.createContext("/", (exchange) -> {
				BACKEND_CALLS.incrementAndGet();
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				String seen = " authorization=" + exchange.getRequestHeaders().getFirst("Authorization")
						+ " correlation=" + exchange.getRequestHeaders().getFirst("X-Correlation-Id") + " forwardedFor="
						+ exchange.getRequestHeaders().getFirst("X-Forwarded-For") + " ";
				byte[] answer = (name + " " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + seen
						+ body)
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
