package org.waystation.support.messaging;

import java.net.URI;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.waystation.support.privacy.PhoneNumbers;

/**
 * An SMS gateway with an HTTP API ({@link HttpSendApi}). Logs name the masked number and
 * the purpose, never the text.
 */
public class HttpSmsProvider implements SmsProvider {

	private static final Logger log = LoggerFactory.getLogger(HttpSmsProvider.class);

	private final HttpSendApi api;

	public HttpSmsProvider(URI url, String apiKey, Duration timeout) {
		this.api = new HttpSendApi("SMS provider", url, apiKey, timeout);
	}

	@Override
	public void send(SmsMessage message) {
		this.api.send(message.to(), message.text(), message.purpose());
		log.info("SMS ({}) to {} accepted by the provider", message.purpose(), PhoneNumbers.mask(message.to()));
	}

}
