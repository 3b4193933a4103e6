package org.waystation.support.messaging;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * A provider's HTTP send API: {@code POST} of {@code {to, text, purpose}} as JSON to the
 * configured URL with {@code Authorization: Bearer <api key>}; any 2xx means accepted.
 * The SMS gateway and the IM service account's send API speak it, and so do the local
 * stack's stand-ins.
 */
public final class HttpSendApi {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String what;

	private final HttpClient http;

	private final URI url;

	private final String apiKey;

	private final Duration timeout;

	/**
	 * @param what names the provider in errors ("SMS provider")
	 */
	public HttpSendApi(String what, URI url, String apiKey, Duration timeout) {
		this.what = what;
		this.url = url;
		this.apiKey = apiKey;
		this.timeout = timeout;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
	}

	/**
	 * Hands the message over.
	 * @throws DeliveryException when the provider did not accept it
	 */
	public void send(String to, String text, String purpose) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("to", to);
		body.put("text", text);
		body.put("purpose", purpose);
		HttpRequest request = HttpRequest.newBuilder(this.url)
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + this.apiKey)
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
			.build();
		try {
			HttpResponse<Void> response = this.http.send(request, HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() / 100 != 2) {
				throw new DeliveryException(this.what + " answered " + response.statusCode(), null);
			}
		}
		catch (IOException ex) {
			throw new DeliveryException(this.what + " not reachable: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DeliveryException("Interrupted while sending to the " + this.what, ex);
		}
	}

}
