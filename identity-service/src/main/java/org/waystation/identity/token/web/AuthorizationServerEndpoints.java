package org.waystation.identity.token.web;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.waystation.identity.token.MongoAuthorizationService;

/**
 * The authorization server's endpoints: OpenID Connect discovery, the JWKS endpoint
 * publishing the rotating keys, the token, revocation and introspection endpoints, the
 * authorization endpoint (browsers without a sign-in are sent to the sign-in page), and
 * the sign-in page itself. The sign-in API has its own chain from the support library.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerEndpoints {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain authorizationServerSecurity(HttpSecurity http, MongoAuthorizationService authorizations,
			OAuth2TokenGenerator<? extends OAuth2Token> tokens, JWKSource<SecurityContext> keys) {
		http.oauth2AuthorizationServer((server) -> {
			http.securityMatcher(server.getEndpointsMatcher());
			server.authorizationService(authorizations).tokenGenerator(tokens).oidc(Customizer.withDefaults());
		})
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.jwt((jwt) -> jwt.decoder(NimbusJwtDecoder.withJwkSource(keys).build())))
			.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(
					new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
		return http.build();
	}

	/** The sign-in page of the authorization-code flow, and every path left over. */
	@Bean
	@Order(100)
	SecurityFilterChain signInPageSecurity(HttpSecurity http, AuthenticationProvider passwords) {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.authenticationProvider(passwords)
			.formLogin((form) -> form.loginPage("/login")
				.authenticationDetailsSource(SignInPageAuthentication.DETAILS)
				.permitAll());
		return http.build();
	}

}
