package org.waystation.gateway.protection;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.waystation.gateway.GatewayProperties;

/**
 * The configured rate limits: a token bucket per limit and client address (for requests
 * without a token) or account (the token's subject). Past a limit the answer is 429 with
 * {@code Retry-After}, counted as {@code waystation_gateway_rate_limited_total{limit}}.
 * Runs after the token check, so an account is known.
 */
@Component
public class RateLimits implements WebFilter, Ordered {

	private final List<Rule> rules;

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.maximumSize(200_000)
		.expireAfterAccess(2, TimeUnit.HOURS)
		.build();

	private final MeterRegistry meters;

	RateLimits(GatewayProperties properties, MeterRegistry meters) {
		this.meters = meters;
		this.rules = properties.rateLimits()
			.stream()
			.filter((limit) -> properties.rateLimitsEnabled() && limit.requests() > 0)
			.map(Rule::of)
			.toList();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (this.rules.isEmpty()) {
			return chain.filter(exchange);
		}
		return exchange.getPrincipal()
			.filter((principal) -> !(principal instanceof AnonymousAuthenticationToken))
			.map(Principal::getName)
			.map((subject) -> check(exchange, subject))
			.switchIfEmpty(Mono.fromSupplier(() -> check(exchange, null)))
			.flatMap((refusal) -> (refusal.retryAfter() == null) ? chain.filter(exchange) : refuse(exchange, refusal));
	}

	private Refusal check(ServerWebExchange exchange, String account) {
		PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
		for (Rule rule : this.rules) {
			if (!rule.matches(exchange, path)) {
				continue;
			}
			String key;
			if (rule.limit().key() == GatewayProperties.RateLimit.Key.ACCOUNT) {
				if (account == null) {
					continue;
				}
				key = "account:" + account;
			}
			else {
				if (account != null) {
					continue;
				}
				key = "client:" + client(exchange);
			}
			Bucket bucket = this.buckets.get(rule.limit().name() + "|" + key, (name) -> rule.bucket());
			ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
			if (!probe.isConsumed()) {
				return new Refusal(rule.limit().name(),
						Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
			}
		}
		return new Refusal(null, null);
	}

	private Mono<Void> refuse(ServerWebExchange exchange, Refusal refusal) {
		this.meters.counter("waystation.gateway.rate.limited", "limit", refusal.limit()).increment();
		exchange.getResponse().getHeaders().set("Retry-After", String.valueOf(refusal.retryAfter()));
		return Problems.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
				"Too many requests; try again in " + refusal.retryAfter() + " s",
				Map.of("limit", refusal.limit(), "retryAfterSeconds", refusal.retryAfter()));
	}

	private static String client(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		return (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : "unknown";
	}

	@Override
	public int getOrder() {
		// After Spring Security's filter chain (-100): the principal is known.
		return -50;
	}

	private record Rule(GatewayProperties.RateLimit limit, List<PathPattern> patterns) {

		static Rule of(GatewayProperties.RateLimit limit) {
			return new Rule(limit, limit.paths().stream().map(PathPatternParser.defaultInstance::parse).toList());
		}

		boolean matches(ServerWebExchange exchange, PathContainer path) {
			return (this.limit.methods().isEmpty() || this.limit.methods().contains(exchange.getRequest().getMethod()))
					&& this.patterns.stream().anyMatch((pattern) -> pattern.matches(path));
		}

		Bucket bucket() {
			return Bucket.builder()
				.addLimit(Bandwidth.builder()
					.capacity(this.limit.requests())
					.refillGreedy(this.limit.requests(), this.limit.per())
					.build())
				.build();
		}

	}

	/** Which limit refused, and after how many seconds to try again; nulls when none. */
	private record Refusal(String limit, Long retryAfter) {

	}

}
