package org.waystation.notification.delivery;

import java.net.URI;
import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.waystation.support.messaging.HttpSendApi;
import org.waystation.support.messaging.ProviderGuard;

/**
 * Messages to workers who appealed by IM, through the service account's send API
 * ({@code waystation.im.url} and {@code waystation.im.api-key}), behind the retry and
 * circuit breaker named {@code im-provider}. Without a URL there is no IM delivery: those
 * workers are texted at the phone they gave.
 */
@Component
@ConditionalOnProperty(name = "waystation.im.url")
class ImSender implements Sender {

	private static final Logger log = LoggerFactory.getLogger(ImSender.class);

	static final String NAME = "im-provider";

	private final HttpSendApi api;

	private final ProviderGuard guard;

	ImSender(@Value("${waystation.im.url}") URI url, @Value("${waystation.im.api-key}") String apiKey,
			@Value("${waystation.im.timeout:5s}") Duration timeout, CircuitBreakerRegistry breakers,
			RetryRegistry retries) {
		this.api = new HttpSendApi("IM send API", url, apiKey, timeout);
		this.guard = new ProviderGuard(NAME, breakers, retries);
	}

	@Override
	public DeliveryChannel channel() {
		return DeliveryChannel.IM;
	}

	@Override
	public void send(QueuedMessage message) {
		this.guard.run(() -> this.api.send(message.to(), message.text(), "notification"));
		log.info("IM message {} accepted by the send API", message.id());
	}

}
