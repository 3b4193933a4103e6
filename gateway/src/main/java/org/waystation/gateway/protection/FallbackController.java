package org.waystation.gateway.protection;

import java.util.Map;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * What a client gets while a service does not answer (its circuit is open, or it timed
 * out): a 503 problem detail naming the service, with {@code Retry-After}.
 */
@RestController
class FallbackController {

	private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

	static final long RETRY_AFTER_SECONDS = 10;

	@RequestMapping("/fallback/{service}")
	Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
		String name = service.replaceAll("[^a-z-]", "");
		Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
		if (cause != null && !(cause instanceof CallNotPermittedException)) {
			// Why the call failed (an open circuit says nothing new: not logged).
			log.warn("{} did not answer {} {}: {}", name, exchange.getRequest().getMethod(),
					exchange.getRequest().getPath(), cause.toString());
		}
		exchange.getResponse().getHeaders().set("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
		return Problems.write(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
				"The " + name + " service is not answering just now; try again shortly",
				Map.of("service", name, "retryAfterSeconds", RETRY_AFTER_SECONDS));
	}

}
