package org.waystation.support.messaging;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;

/**
 * A provider behind the {@link ProviderGuard} named {@code sms-provider}: a refused send
 * is tried once more, and while the provider keeps failing every send fails at once with
 * {@link ProviderUnavailableException}.
 */
public class ResilientSmsProvider implements SmsProvider {

	/** The name of the retry and the circuit breaker. */
	public static final String NAME = "sms-provider";

	private final SmsProvider delegate;

	private final ProviderGuard guard;

	public ResilientSmsProvider(SmsProvider delegate, CircuitBreakerRegistry breakers, RetryRegistry retries) {
		this.delegate = delegate;
		this.guard = new ProviderGuard(NAME, breakers, retries);
	}

	@Override
	public void send(SmsMessage message) {
		this.guard.run(() -> this.delegate.send(message));
	}

	public CircuitBreaker.State state() {
		return this.guard.state();
	}

}
