package org.waystation.gateway.protection;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.waystation.gateway.GatewayProperties;

/**
 * Refuses a request body larger than the limit with a 413 problem detail: at once when
 * its {@code Content-Length} says so, and as soon as a body sent without one grows past
 * it. A few requests (an appeal with its photos) may be larger, each up to its own limit.
 */
@Component
public class BodySizeLimit implements WebFilter, Ordered {

	private final long maxBytes;

	private final List<GatewayProperties.LargerBody> larger;

	BodySizeLimit(GatewayProperties properties) {
		this.maxBytes = properties.maxBodySize().toBytes();
		this.larger = properties.largerBodies();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		long limit = this.larger.stream()
			.filter((body) -> body.method().equals(request.getMethod())
					&& body.path().equals(request.getPath().pathWithinApplication().value()))
			.mapToLong((body) -> body.maxBodySize().toBytes())
			.findFirst()
			.orElse(this.maxBytes);
		long length = request.getHeaders().getContentLength();
		if (length > limit) {
			return tooLarge(exchange, limit);
		}
		if (length >= 0) {
			return chain.filter(exchange);
		}
		ServerHttpRequestDecorator counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
			@Override
			public Flux<DataBuffer> getBody() {
				long[] seen = { 0 };
				return super.getBody().doOnNext((buffer) -> {
					seen[0] += buffer.readableByteCount();
					if (seen[0] > limit) {
						throw new TooLargeException();
					}
				});
			}
		};
		return chain.filter(exchange.mutate().request(counted).build())
			.onErrorResume(TooLargeException.class, (ex) -> tooLarge(exchange, limit));
	}

	private static Mono<Void> tooLarge(ServerWebExchange exchange, long limit) {
		return Problems.write(exchange.getResponse(), HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
				"The request body is larger than " + limit + " bytes", Map.of("maxBytes", limit));
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	private static final class TooLargeException extends RuntimeException {

		TooLargeException() {
			super(null, null, false, false);
		}

	}

}
