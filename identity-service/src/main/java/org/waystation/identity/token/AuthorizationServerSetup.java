package org.waystation.identity.token;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2RefreshTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.waystation.identity.IdentityProperties;
import org.waystation.support.security.TrustedIssuer;

/**
 * Spring Authorization Server as Waystation uses it: the registered clients (the sign-in
 * API, and the web screens with PKCE), sign-ins stored in MongoDB, RS256 access tokens of
 * about 15 minutes signed by the rotating keys, refresh tokens that are replaced at each
 * use. Its endpoints are secured in {@code token.web}.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerSetup {

	/** The OpenID Connect client of the browser screens. */
	static final String WEB_CLIENT = "waystation-web";

	@Bean
	AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
		return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
	}

	@Bean
	RegisteredClientRepository registeredClients(IdentityProperties properties) {
		TokenSettings tokens = TokenSettings.builder()
			.accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
			.accessTokenTimeToLive(properties.accessTokenLifetime())
			.refreshTokenTimeToLive(properties.refreshTokenLifetime())
			.reuseRefreshTokens(false)
			.build();
		List<RegisteredClient> clients = new ArrayList<>();
		clients.add(RegisteredClient.withId(TokenIssuer.API_CLIENT)
			.clientId(TokenIssuer.API_CLIENT)
			.clientName("Waystation API")
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
			.authorizationGrantType(TokenIssuer.PASSWORD)
			.authorizationGrantType(TokenIssuer.PHONE_CODE)
			.tokenSettings(tokens)
			.build());
		if (!properties.webClient().redirectUris().isEmpty()) {
			clients.add(RegisteredClient.withId(WEB_CLIENT)
				.clientId(WEB_CLIENT)
				.clientName("Waystation web screens")
				.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
				.redirectUris((uris) -> uris.addAll(properties.webClient().redirectUris()))
				.postLogoutRedirectUris((uris) -> uris.addAll(properties.webClient().postLogoutRedirectUris()))
				.scopes((scopes) -> scopes.addAll(Set.of(OidcScopes.OPENID, OidcScopes.PROFILE)))
				.clientSettings(
						ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
				.tokenSettings(tokens)
				.build());
		}
		return new InMemoryRegisteredClientRepository(clients);
	}

	@Bean
	JwtEncoder jwtEncoder(SigningKeys keys) {
		NimbusJwtEncoder encoder = new NimbusJwtEncoder(keys);
		// Several keys may be published; the header names the one that signs.
		encoder.setJwkSelector((candidates) -> candidates.stream()
			.filter((jwk) -> keys.activeKid().equals(jwk.getKeyID()))
			.map(JWK.class::cast)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("The signing key is not published")));
		return encoder;
	}

	@Bean
	OAuth2TokenGenerator<? extends OAuth2Token> tokenGenerator(JwtEncoder encoder, TokenClaims claims) {
		JwtGenerator jwt = new JwtGenerator(encoder);
		jwt.setJwtCustomizer(claims);
		return new DelegatingOAuth2TokenGenerator(jwt, new OAuth2AccessTokenGenerator(),
				new OAuth2RefreshTokenGenerator());
	}

	/**
	 * The identity service's own API trusts the tokens it signs, checked against its keys
	 * in process.
	 */
	@Bean
	TrustedIssuer ownTokens(IdentityProperties properties, JWKSource<SecurityContext> keys) {
		return new TrustedIssuer(properties.issuer(),
				NimbusJwtDecoder.withJwkSource(keys).jwsAlgorithm(SignatureAlgorithm.RS256).build(),
				List.of(TokenIssuer.API_CLIENT, WEB_CLIENT));
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
