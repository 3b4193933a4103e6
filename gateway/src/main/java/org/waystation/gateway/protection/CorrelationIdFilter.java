package org.waystation.gateway.protection;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.waystation.api.CorrelationId;

/**
 * Gives every request a correlation id before anything else runs: the client's own if it
 * sent a usable one, a new one otherwise. The services put it in their log lines and
 * their Kafka records; the client gets it back.
 */
@Component
public class CorrelationIdFilter implements WebFilter, Ordered {

	public static final String HEADER = CorrelationId.HEADER;

	/** The exchange attribute holding the id. */
	public static final String ATTRIBUTE = CorrelationIdFilter.class.getName();

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String given = exchange.getRequest().getHeaders().getFirst(HEADER);
		String id = CorrelationId.valid(given).orElseGet(CorrelationId::newId);
		ServerHttpRequest request = exchange.getRequest()
			.mutate()
			.headers((headers) -> headers.set(HEADER, id))
			.build();
		// Set just before the answer goes out: a service's own header is replaced, not
		// doubled.
		exchange.getResponse().beforeCommit(() -> {
			exchange.getResponse().getHeaders().set(HEADER, id);
			return Mono.empty();
		});
		exchange.getAttributes().put(ATTRIBUTE, id);
		return chain.filter(exchange.mutate().request(request).build());
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
