package org.waystation.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for JSON APIs, talking over real TCP like any client would. */
public final class HttpJson {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	private final String token;

	public HttpJson(String baseUrl) {
		this(baseUrl, null);
	}

	private HttpJson(String baseUrl, String token) {
		this.baseUrl = baseUrl;
		this.token = token;
	}

	/**
	 * The same client sending {@code Authorization: Bearer <token>} with every request.
	 */
	public HttpJson as(String bearerToken) {
		return new HttpJson(this.baseUrl, bearerToken);
	}

	/** DELETE, with optional headers given as name, value, name, value... */
	public Response delete(String path, String... headers) {
		return send(withHeaders(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).DELETE(), headers));
	}

	/**
	 * Any method with a body (or none) and a content type, for requests off the usual
	 * path.
	 */
	public Response request(String method, String path, String contentType, String body, String... headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)
					: HttpRequest.BodyPublishers.noBody());
		if (contentType != null) {
			builder.header("Content-Type", contentType);
		}
		return send(withHeaders(builder, headers));
	}

	/** POST of raw bytes, such as an uploaded file, with optional headers. */
	public Response post(String path, String contentType, byte[] body, String... headers) {
		return send(withHeaders(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)), headers));
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
		if (this.token != null) {
			request.header("Authorization", "Bearer " + this.token);
		}
		try {
			HttpResponse<String> response = this.client.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""), response.headers().map());
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
	public record Response(int status, String body, String contentType, Map<String, List<String>> headers) {

		/** The first value of a response header, or null. */
		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.flatMap((entry) -> entry.getValue().stream())
				.findFirst()
				.orElse(null);
		}

		public JsonNode json() {
			return MAPPER.readTree(this.body);
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
