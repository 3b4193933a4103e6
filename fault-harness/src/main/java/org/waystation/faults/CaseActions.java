package org.waystation.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Case actions beside the stream of appeals: the demo officer of HRSS signs for the open
 * cases of the department's queue, a few every second, as staff do through the gateway. A
 * sign-in that expired or a part that is down only means trying again.
 */
final class CaseActions implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String OFFICER = "staff.hrss";

	private static final String PASSWORD = "waystation-demo";

	private final String gateway;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

	private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();

	private final AtomicInteger signed = new AtomicInteger();

	private volatile String token;

	CaseActions(String gateway) {
		this.gateway = gateway;
	}

	void start() {
		this.ticker.scheduleWithFixedDelay(this::signSome, 1, 1, TimeUnit.SECONDS);
	}

	int signed() {
		return this.signed.get();
	}

	private void signSome() {
		try {
			if (this.token == null) {
				this.token = signIn();
			}
			HttpResponse<String> queue = send(HttpRequest
				.newBuilder(URI.create(this.gateway + "/api/v1/departments/HRSS/cases?status=OPEN&size=5")));
			if (queue.statusCode() == 401) {
				this.token = null;
				return;
			}
			if (queue.statusCode() != 200) {
				return;
			}
			for (JsonNode item : JSON.readTree(queue.body()).path("items")) {
				HttpResponse<String> sign = send(HttpRequest
					.newBuilder(URI.create(this.gateway + "/api/v1/cases/" + item.path("caseId").asString() + "/sign"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{}")));
				if (sign.statusCode() == 200) {
					this.signed.incrementAndGet();
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// The gateway or department-service is down for the moment.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private String signIn() throws IOException, InterruptedException {
		String body = JSON.writeValueAsString(java.util.Map.of("username", OFFICER, "password", PASSWORD));
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create(this.gateway + "/api/v1/auth/login"))
				.timeout(Duration.ofSeconds(10))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
				.build(), HttpResponse.BodyHandlers.ofString());
		return (response.statusCode() == 200) ? JSON.readTree(response.body()).path("token").asString(null) : null;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		if (this.token == null) {
			throw new IOException("Not signed in");
		}
		return this.http.send(
				request.timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + this.token).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@Override
	public void close() throws InterruptedException {
		this.ticker.shutdownNow();
		this.ticker.awaitTermination(30, TimeUnit.SECONDS);
	}

}
