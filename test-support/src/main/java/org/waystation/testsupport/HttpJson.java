package org.waystation.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for JSON APIs, talking over real TCP like any client would. */
public final class HttpJson {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	public HttpJson(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/** GET with optional headers given as name, value, name, value... */
	public Response get(String path, String... headers) {
		return send(withHeaders(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).GET(), headers));
	}

	/** POST a JSON body, with optional headers given as name, value, name, value... */
	public Response post(String path, String json, String... headers) {
		return send(withHeaders(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)), headers));
	}

	/** PUT a JSON body, with optional headers given as name, value, name, value... */
	public Response put(String path, String json, String... headers) {
		return send(withHeaders(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)), headers));
	}

	private static HttpRequest.Builder withHeaders(HttpRequest.Builder request, String... headers) {
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return request;
	}

	/** Writes a value as JSON, for building request bodies. */
	public static String json(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	private Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.client.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Request to " + this.baseUrl + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A response whose body is parsed as JSON on demand. */
	public record Response(int status, String body, String contentType) {

		public JsonNode json() {
			return MAPPER.readTree(this.body);
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
