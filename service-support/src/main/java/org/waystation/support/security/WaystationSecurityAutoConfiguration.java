package org.waystation.support.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.waystation.api.AccessTokens;

/**
 * Makes every servlet service an OAuth 2 resource server that checks every request again,
 * whatever the gateway checked: tokens from the trusted issuers only, RS256 signatures
 * from their published keys, issuer, audience and lifetime verified; roles from the
 * token's claims; endpoints public only where their handler says {@code @PermitAll}; 401
 * and 403 as problem details, counted.
 */
@AutoConfiguration(before = { ServletWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
		OAuth2ResourceServerAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
@EnableConfigurationProperties(SecurityProperties.class)
public class WaystationSecurityAutoConfiguration {

	/**
	 * The order of the API's filter chain: after an authorization server's own chain,
	 * before a sign-in page's.
	 */
	public static final int API_CHAIN_ORDER = 50;

	@Bean
	Refusals securityRefusals(MeterRegistry meters) {
		return new Refusals(meters);
	}

	/** Every trusted issuer: the configured ones and those declared as beans. */
	@Bean
	TrustedIssuers trustedIssuers(SecurityProperties properties, ObjectProvider<TrustedIssuer> declared) {
		List<TrustedIssuer> all = new ArrayList<>();
		for (SecurityProperties.Issuer issuer : properties.issuers()) {
			all.add(new TrustedIssuer(issuer.issuer(),
					NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri().toString())
						.jwsAlgorithm(SignatureAlgorithm.RS256)
						.build(),
					issuer.audiences(), issuer.claims()));
		}
		declared.orderedStream().forEach(all::add);
		if (all.isEmpty()) {
			throw new IllegalStateException("waystation.security.issuers must name at least one trusted token issuer "
					+ "(issuer and jwk-set-uri): no service trusts a caller by default");
		}
		return new TrustedIssuers(all);
	}

	@Bean
	AuthenticationManagerResolver<HttpServletRequest> issuerManagers(TrustedIssuers issuers) {
		Map<String, AuthenticationManager> managers = new LinkedHashMap<>();
		issuers.all().forEach((issuer) -> managers.put(issuer.issuer(), manager(issuer, issuer.claims())));
		return new JwtIssuerAuthenticationManagerResolver(managers::get);
	}

	/** The trusted issuers, with the claim names of each. */
	record TrustedIssuers(List<TrustedIssuer> all) {

		Map<String, SecurityProperties.Claims> claims() {
			Map<String, SecurityProperties.Claims> claims = new LinkedHashMap<>();
			this.all.forEach((issuer) -> claims.put(issuer.issuer(), issuer.claims()));
			return claims;
		}

	}

	private static AuthenticationManager manager(TrustedIssuer issuer, SecurityProperties.Claims claims) {
		NimbusJwtDecoder decoder = issuer.decoder();
		decoder.setJwtValidator(AccessTokens.validator(issuer.issuer(), issuer.audiences()));
		JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
		provider.setJwtAuthenticationConverter(authenticationConverter(claims));
		return provider::authenticate;
	}

	static JwtAuthenticationConverter authenticationConverter(SecurityProperties.Claims claims) {
		JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
		Converter<Jwt, Collection<GrantedAuthority>> authorities = (jwt) -> Stream
			.concat(Caller.of(jwt, claims).roles().stream().map((role) -> new SimpleGrantedAuthority("ROLE_" + role)),
					scopes.convert(jwt).stream())
			.collect(Collectors.toList());
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(authorities);
		return converter;
	}

	@Bean
	@Order(API_CHAIN_ORDER)
	SecurityFilterChain waystationApiSecurity(HttpSecurity http, SecurityProperties properties,
			AuthenticationManagerResolver<HttpServletRequest> issuers, Refusals refusals, ApplicationContext context) {
		ProblemResponses problems = new ProblemResponses(refusals);
		http.securityMatcher(properties.paths().toArray(String[]::new))
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/error",
						"/v3/api-docs", "/v3/api-docs/**")
				.permitAll()
				.anyRequest()
				.access(new EndpointRules(context)))
			.oauth2ResourceServer((resourceServer) -> resourceServer.authenticationManagerResolver(issuers)
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.formLogin((form) -> form.disable())
			.httpBasic((basic) -> basic.disable())
			.logout((logout) -> logout.disable());
		return http.build();
	}

	@Bean
	WebMvcConfigurer callerArguments(TrustedIssuers issuers) {
		return new WebMvcConfigurer() {
			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new CallerArgumentResolver(issuers.claims()));
			}
		};
	}

	/**
	 * Fails the start of a service any of whose endpoints does not say who may call it.
	 */
	@Bean
	static SmartInitializingSingleton endpointAccessCheck(ApplicationContext context) {
		return () -> context.getBeansOfType(RequestMappingHandlerMapping.class).values().forEach(EndpointAccess::of);
	}

}
