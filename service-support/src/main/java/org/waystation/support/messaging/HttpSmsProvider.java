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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.waystation.support.privacy.PhoneNumbers;

/**
 * An SMS gateway with an HTTP API: {@code POST} of {@code {to, text, purpose}} as JSON to
 * the configured URL with {@code Authorization: Bearer <api key>}; any 2xx means
 * accepted. The local stack's stand-in speaks it. Logs name the masked number and the
 * purpose, never the text.
 */
public class HttpSmsProvider implements SmsProvider {

	private static final Logger log = LoggerFactory.getLogger(HttpSmsProvider.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http;

	private final URI url;

	private final String apiKey;

	private final Duration timeout;

	public HttpSmsProvider(URI url, String apiKey, Duration timeout) {
		this.url = url;
		this.apiKey = apiKey;
		this.timeout = timeout;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
	}

	@Override
	public void send(SmsMessage message) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("to", message.to());
		body.put("text", message.text());
		body.put("purpose", message.purpose());
		HttpRequest request = HttpRequest.newBuilder(this.url)
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + this.apiKey)
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
			.build();
		try {
			HttpResponse<Void> response = this.http.send(request, HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() / 100 != 2) {
				throw new SmsDeliveryException("SMS provider answered " + response.statusCode(), null);
			}
			log.info("SMS ({}) to {} accepted by the provider", message.purpose(), PhoneNumbers.mask(message.to()));
		}
		catch (IOException ex) {
			throw new SmsDeliveryException("SMS provider not reachable: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SmsDeliveryException("Interrupted while sending an SMS", ex);
		}
	}

}
