package org.waystation.support.messaging;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;

/**
 * A provider behind a Resilience4j retry and circuit breaker, both named
 * {@code sms-provider} (settings under {@code resilience4j.retry.instances.sms-provider}
 * and {@code resilience4j.circuitbreaker.instances.sms-provider}, these defaults
 * otherwise). A refused send is tried once more after 200 ms; once half of the last 10
 * sends failed, the breaker opens for 10 s and every send fails at once with
 * {@link ProviderUnavailableException}, so that callers keep their messages queued rather
 * than wait on a provider that is down.
 */
public class ResilientSmsProvider implements SmsProvider {

	/** The name of the retry and the circuit breaker. */
	public static final String NAME = "sms-provider";

	static final CircuitBreakerConfig BREAKER = CircuitBreakerConfig.custom()
		.slidingWindowSize(10)
		.minimumNumberOfCalls(4)
		.failureRateThreshold(50)
		.waitDurationInOpenState(Duration.ofSeconds(10))
		.permittedNumberOfCallsInHalfOpenState(2)
		.recordExceptions(SmsDeliveryException.class)
		.build();

	static final RetryConfig RETRY = RetryConfig.custom()
		.maxAttempts(2)
		.waitDuration(Duration.ofMillis(200))
		.retryExceptions(SmsDeliveryException.class)
		.ignoreExceptions(ProviderUnavailableException.class, CallNotPermittedException.class)
		.build();

	private final SmsProvider delegate;

	private final CircuitBreaker breaker;

	private final Retry retry;

	public ResilientSmsProvider(SmsProvider delegate, CircuitBreakerRegistry breakers, RetryRegistry retries) {
		this.delegate = delegate;
		this.breaker = breakers.circuitBreaker(NAME, breakers.getConfiguration(NAME).orElse(BREAKER));
		this.retry = retries.retry(NAME, retries.getConfiguration(NAME).orElse(RETRY));
	}

	@Override
	public void send(SmsMessage message) {
		Runnable guarded = CircuitBreaker.decorateRunnable(this.breaker, () -> this.delegate.send(message));
		try {
			Retry.decorateRunnable(this.retry, guarded).run();
		}
		catch (CallNotPermittedException ex) {
			throw new ProviderUnavailableException(
					"SMS provider circuit open after repeated failures; not tried (" + ex.getMessage() + ")", ex);
		}
	}

	public CircuitBreaker.State state() {
		return this.breaker.getState();
	}

}
