package org.waystation.support.messaging;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The HTTP provider behind its retry and circuit breaker, against a real local server
 * that answers 503 while told to.
 */
class ResilientSmsProviderTest {

	private final AtomicInteger failing = new AtomicInteger();

	private final AtomicInteger requests = new AtomicInteger();

	private HttpServer server;

	private ResilientSmsProvider provider;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/send", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			this.requests.incrementAndGet();
			int status = (this.failing.get() > 0 && this.failing.getAndDecrement() > 0) ? 503 : 202;
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		this.server.start();
		CircuitBreakerConfig quick = CircuitBreakerConfig.from(ProviderGuard.BREAKER)
			.waitDurationInOpenState(Duration.ofMillis(300))
			.build();
		this.provider = new ResilientSmsProvider(
				new HttpSmsProvider(URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/send"),
						"key", Duration.ofSeconds(2)),
				CircuitBreakerRegistry.of(Map.of(ResilientSmsProvider.NAME, quick)), RetryRegistry.ofDefaults());
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void triesARefusedSendOnceMore() {
		this.failing.set(1);

		this.provider.send(new SmsMessage("13812345678", "您的诉求已受理", "notification"));

		assertThat(this.requests.get()).isEqualTo(2);
	}

	@Test
	void stopsCallingAProviderThatKeepsFailingAndTriesAgainLater() {
		this.failing.set(1000);
		for (int i = 0; i < 2; i++) {
			assertThatThrownBy(() -> this.provider.send(new SmsMessage("13812345678", "测试", "notification")))
				.isInstanceOf(DeliveryException.class);
		}
		assertThat(this.provider.state()).isEqualTo(CircuitBreaker.State.OPEN);
		int before = this.requests.get();

		assertThatThrownBy(() -> this.provider.send(new SmsMessage("13812345678", "测试", "notification")))
			.isInstanceOf(ProviderUnavailableException.class);
		assertThat(this.requests.get()).isEqualTo(before);

		this.failing.set(0);
		Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
			this.provider.send(new SmsMessage("13812345678", "测试", "notification"));
			assertThat(this.provider.state()).isNotEqualTo(CircuitBreaker.State.OPEN);
		});
	}

}
