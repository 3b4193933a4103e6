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
 * Calls to one provider behind a Resilience4j retry and circuit breaker of the same name
 * ({@code sms-provider}, {@code mail-provider}, {@code im-provider}; settings under
 * {@code resilience4j.retry.instances.<name>} and
 * {@code resilience4j.circuitbreaker.instances.<name>}, these defaults otherwise). A
 * refused call is tried once more after 200 ms; once half of the last 10 calls failed,
 * the breaker opens for 10 s and every call fails at once with
 * {@link ProviderUnavailableException}, so that callers keep their messages queued rather
 * than wait on a provider that is down.
 */
public final class ProviderGuard {

	static final CircuitBreakerConfig BREAKER = CircuitBreakerConfig.custom()
		.slidingWindowSize(10)
		.minimumNumberOfCalls(4)
		.failureRateThreshold(50)
		.waitDurationInOpenState(Duration.ofSeconds(10))
		.permittedNumberOfCallsInHalfOpenState(2)
		.recordExceptions(DeliveryException.class)
		.build();

	static final RetryConfig RETRY = RetryConfig.custom()
		.maxAttempts(2)
		.waitDuration(Duration.ofMillis(200))
		.retryExceptions(DeliveryException.class)
		.ignoreExceptions(ProviderUnavailableException.class, CallNotPermittedException.class)
		.build();

	private final String name;

	private final CircuitBreaker breaker;

	private final Retry retry;

	public ProviderGuard(String name, CircuitBreakerRegistry breakers, RetryRegistry retries) {
		this.name = name;
		this.breaker = breakers.circuitBreaker(name, breakers.getConfiguration(name).orElse(BREAKER));
		this.retry = retries.retry(name, retries.getConfiguration(name).orElse(RETRY));
	}

	/**
	 * Makes the call, once more if it failed.
	 * @throws DeliveryException when the provider refused it
	 * @throws ProviderUnavailableException when the provider was not tried
	 */
	public void run(Runnable call) {
		Runnable guarded = CircuitBreaker.decorateRunnable(this.breaker, call);
		try {
			Retry.decorateRunnable(this.retry, guarded).run();
		}
		catch (CallNotPermittedException ex) {
			throw new ProviderUnavailableException(
					this.name + " circuit open after repeated failures; not tried (" + ex.getMessage() + ")", ex);
		}
	}

	public CircuitBreaker.State state() {
		return this.breaker.getState();
	}

}
