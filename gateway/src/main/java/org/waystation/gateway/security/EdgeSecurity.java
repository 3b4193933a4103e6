package org.waystation.gateway.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerReactiveAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.waystation.api.AccessTokens;
import org.waystation.gateway.GatewayProperties;
import org.waystation.gateway.protection.Problems;

/**
 * The gateway checks every token before a request goes on: from a trusted issuer, signed
 * with one of its published keys, unexpired. Only the public endpoints pass without one.
 * Which role may do what is left to the services, which check the token again; the
 * gateway relays it unchanged. Refusals are problem details, counted as
 * {@code waystation_security_refusals_total{reason}}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class EdgeSecurity {

	/**
	 * The API descriptions' viewer (Swagger UI, served from the gateway's own jars):
	 * public, and allowed the inline styles and data images it draws with; nothing else
	 * is.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityWebFilterChain apiDocsViewerChain(ServerHttpSecurity http) {
		return publicReads(http,
				"default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
						+ "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'",
				"/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs/**", "/webjars/**");
	}

	/**
	 * The screens' pages, scripts and styles: public (they hold no data; what they show
	 * comes from the API with the person's own token), and allowed nothing from outside
	 * the stack: no inline script or style, no other origin.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	SecurityWebFilterChain screensChain(ServerHttpSecurity http) {
		return publicReads(http,
				"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
						+ "connect-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'; "
						+ "form-action 'self'",
				"/", "/staff", "/supervisor", "/admin", "/operator", "/signed-in", "/assets/**", "/favicon.ico");
	}

	/** GETs of the paths pass without a token, under the content security policy. */
	private static SecurityWebFilterChain publicReads(ServerHttpSecurity http, String contentSecurityPolicy,
			String... paths) {
		http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, paths))
			.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(contentSecurityPolicy))
				.referrerPolicy(
						(referrer) -> referrer.policy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.NO_REFERRER))
				.permissionsPolicy((permissions) -> permissions.policy("camera=(), microphone=(), geolocation=()")));
		return http.build();
	}

	@Bean
	SecurityWebFilterChain edgeSecurityChain(ServerHttpSecurity http, GatewayProperties properties,
			MeterRegistry meters) {
		Map<String, ReactiveAuthenticationManager> issuers = managers(properties);
		ServerAuthenticationEntryPoint entryPoint = entryPoint(meters);
		ServerAccessDeniedHandler denied = (exchange, ex) -> {
			count(meters, "forbidden");
			return Problems.write(exchange.getResponse(), HttpStatus.FORBIDDEN, "forbidden",
					"Your role may not do this.");
		};
		http.authorizeExchange((exchanges) -> exchanges.matchers(publicEndpoints(properties))
			.permitAll()
			.pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/fallback/**")
			.permitAll()
			.anyExchange()
			.authenticated())
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.authenticationManagerResolver(new JwtIssuerReactiveAuthenticationManagerResolver(
						(issuer) -> Mono.justOrEmpty(issuers.get(issuer))))
				.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(denied))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(
					"default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'"))
				.referrerPolicy(
						(referrer) -> referrer.policy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.NO_REFERRER))
				.permissionsPolicy((permissions) -> permissions.policy("camera=(), microphone=(), geolocation=()")))
			.cors((cors) -> cors.configurationSource(cors(properties)));
		return http.build();
	}

	private static ServerWebExchangeMatcher publicEndpoints(GatewayProperties properties) {
		List<ServerWebExchangeMatcher> matchers = properties.publicEndpoints().stream().map((endpoint) -> {
			String[] parts = endpoint.trim().split("\\s+", 2);
			if (parts.length != 2) {
				throw new IllegalArgumentException(
						"waystation.gateway.public-endpoints entries look like 'POST /api/v1/appeals'; got "
								+ endpoint);
			}
			return parts[0].equals("*") ? ServerWebExchangeMatchers.pathMatchers(parts[1])
					: ServerWebExchangeMatchers.pathMatchers(HttpMethod.valueOf(parts[0]), parts[1]);
		}).toList();
		return matchers.isEmpty() ? (exchange) -> ServerWebExchangeMatcher.MatchResult.notMatch()
				: ServerWebExchangeMatchers.matchers(matchers.toArray(ServerWebExchangeMatcher[]::new));
	}

	private static Map<String, ReactiveAuthenticationManager> managers(GatewayProperties properties) {
		return properties.issuers()
			.stream()
			.collect(Collectors.toMap(GatewayProperties.Issuer::issuer, EdgeSecurity::manager));
	}

	private static ReactiveAuthenticationManager manager(GatewayProperties.Issuer issuer) {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(issuer.jwkSetUri().toString())
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		decoder.setJwtValidator(AccessTokens.validator(issuer.issuer(), issuer.audiences()));
		return new JwtReactiveAuthenticationManager(decoder);
	}

	private static ServerAuthenticationEntryPoint entryPoint(MeterRegistry meters) {
		return (exchange, ex) -> {
			boolean invalid = exchange.getRequest().getHeaders().getFirst("Authorization") != null;
			String reason = invalid ? "invalid-token" : "unauthenticated";
			count(meters, reason);
			exchange.getResponse()
				.getHeaders()
				.set("WWW-Authenticate", invalid ? "Bearer error=\"invalid_token\"" : "Bearer");
			return Problems.write(exchange.getResponse(), HttpStatus.UNAUTHORIZED, reason,
					invalid ? "The access token is not valid: it is expired, malformed, signed with an unknown "
							+ "key or issued by an issuer this gateway does not trust. Sign in again."
							: "Sign in first: this endpoint needs an access token (Authorization: Bearer ...).");
		};
	}

	private static void count(MeterRegistry meters, String reason) {
		meters.counter("waystation.security.refusals", "reason", reason).increment();
	}

	private static UrlBasedCorsConfigurationSource cors(GatewayProperties properties) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (!properties.corsAllowedOrigins().isEmpty()) {
			CorsConfiguration configuration = new CorsConfiguration();
			configuration.setAllowedOrigins(properties.corsAllowedOrigins());
			configuration.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
			configuration.setAllowedHeaders(
					List.of("Authorization", "Content-Type", "Accept-Language", "Idempotency-Key", "X-Correlation-Id"));
			configuration.setExposedHeaders(List.of("X-Correlation-Id", "Retry-After", "Location"));
			configuration.setMaxAge(Duration.ofHours(1));
			source.registerCorsConfiguration("/**", configuration);
		}
		return source;
	}

}
