package org.waystation.gateway.protection;

import java.net.InetSocketAddress;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the services where a request came from, and only the gateway says so: whatever
 * {@code Forwarded} or {@code X-Forwarded-*} headers a client sent are dropped, and
 * {@code X-Forwarded-For} (the client's address as the gateway saw it), {@code -Proto},
 * {@code -Host} and {@code -Port} are written afresh. The services take them from the
 * gateway's address only.
 */
@Component
public class ClientAddressHeaders implements HttpHeadersFilter, Ordered {

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		HttpHeaders headers = new HttpHeaders();
		input.forEach((name, values) -> {
			String lower = name.toLowerCase();
			if (!lower.equals("forwarded") && !lower.startsWith("x-forwarded-")) {
				headers.addAll(name, values);
			}
		});
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		if (remote != null && remote.getAddress() != null) {
			headers.set("X-Forwarded-For", remote.getAddress().getHostAddress());
		}
		headers.set("X-Forwarded-Proto", exchange.getRequest().getURI().getScheme());
		String host = exchange.getRequest().getHeaders().getFirst(HttpHeaders.HOST);
		if (host != null) {
			headers.set("X-Forwarded-Host", host);
		}
		int port = exchange.getRequest().getURI().getPort();
		if (port > 0) {
			headers.set("X-Forwarded-Port", String.valueOf(port));
		}
		return headers;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
