package org.waystation.identity.token;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.stereotype.Component;
import org.waystation.identity.account.SignInsEnded;

/**
 * Issues, refreshes and revokes the tokens of the sign-in API with the authorization
 * server's own parts: its token generator (JWT access tokens signed by the current key,
 * opaque refresh tokens), its refresh-token provider, and the authorization store. A
 * sign-in is an authorization of the {@code waystation-api} client, refreshed (with a new
 * refresh token each time) until it expires or is revoked.
 */
@Component
public class TokenIssuer {

	/** The client the sign-in API issues tokens to. */
	public static final String API_CLIENT = "waystation-api";

	/** A staff sign-in with password (and second factor). */
	public static final AuthorizationGrantType PASSWORD = new AuthorizationGrantType(
			"urn:waystation:params:oauth:grant-type:password");

	/** A worker's sign-in with a one-time code sent to their phone. */
	public static final AuthorizationGrantType PHONE_CODE = new AuthorizationGrantType(
			"urn:waystation:params:oauth:grant-type:phone-code");

	private final RegisteredClientRepository clients;

	private final MongoAuthorizationService authorizations;

	private final OAuth2TokenGenerator<? extends OAuth2Token> generator;

	private final AuthorizationServerSettings settings;

	private final OAuth2RefreshTokenAuthenticationProvider refresher;

	TokenIssuer(RegisteredClientRepository clients, MongoAuthorizationService authorizations,
			OAuth2TokenGenerator<? extends OAuth2Token> generator, AuthorizationServerSettings settings) {
		this.clients = clients;
		this.authorizations = authorizations;
		this.generator = generator;
		this.settings = settings;
		this.refresher = new OAuth2RefreshTokenAuthenticationProvider(authorizations, generator);
	}

	/** A new sign-in for a principal: an access token and a refresh token. */
	public Tokens issue(Authentication principal, AuthorizationGrantType grant, String displayName) {
		RegisteredClient client = apiClient();
		Set<String> scopes = client.getScopes();
		OAuth2Authorization.Builder authorization = OAuth2Authorization.withRegisteredClient(client)
			.principalName(principal.getName())
			.authorizationGrantType(grant)
			.authorizedScopes(scopes)
			.attribute(Principal.class.getName(), principal);
		if (displayName != null) {
			authorization.attribute(TokenClaims.DISPLAY_NAME, displayName);
		}
		OAuth2Authorization draft = authorization.build();
		DefaultOAuth2TokenContext.Builder context = DefaultOAuth2TokenContext.builder()
			.registeredClient(client)
			.principal(principal)
			.authorizationServerContext(new IssuerContext(this.settings))
			.authorization(draft)
			.authorizedScopes(scopes)
			.authorizationGrantType(grant)
			.authorizationGrant(principal);
		OAuth2Token generated = this.generator.generate(context.tokenType(OAuth2TokenType.ACCESS_TOKEN).build());
		if (generated == null) {
			throw new IllegalStateException("The token generator made no access token");
		}
		OAuth2AccessToken access = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, generated.getTokenValue(),
				generated.getIssuedAt(), generated.getExpiresAt(), scopes);
		if (generated instanceof ClaimAccessor claims) {
			authorization.token(access,
					(metadata) -> metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, claims.getClaims()));
		}
		else {
			authorization.accessToken(access);
		}
		OAuth2Token refresh = this.generator.generate(context.tokenType(OAuth2TokenType.REFRESH_TOKEN).build());
		if (refresh instanceof OAuth2RefreshToken refreshToken) {
			authorization.refreshToken(refreshToken);
		}
		this.authorizations.save(authorization.build());
		return Tokens.of(access, (refresh instanceof OAuth2RefreshToken token) ? token : null);
	}

	/**
	 * New tokens for a refresh token (which is then spent), or empty when it is unknown,
	 * expired or revoked, or its account was disabled.
	 */
	public Optional<Tokens> refresh(String refreshToken) {
		RegisteredClient client = apiClient();
		OAuth2ClientAuthenticationToken clientPrincipal = new OAuth2ClientAuthenticationToken(client,
				ClientAuthenticationMethod.NONE, null);
		AuthorizationServerContextHolder.setContext(new IssuerContext(this.settings));
		try {
			OAuth2AccessTokenAuthenticationToken result = (OAuth2AccessTokenAuthenticationToken) this.refresher
				.authenticate(
						new OAuth2RefreshTokenAuthenticationToken(refreshToken, clientPrincipal, Set.of(), Map.of()));
			return Optional.of(Tokens.of(result.getAccessToken(), result.getRefreshToken()));
		}
		catch (OAuth2AuthenticationException ex) {
			return Optional.empty();
		}
		finally {
			AuthorizationServerContextHolder.resetContext();
		}
	}

	/** Ends the sign-in a refresh token belongs to; true if there was one. */
	public boolean revoke(String refreshToken) {
		OAuth2Authorization authorization = this.authorizations.findByToken(refreshToken,
				OAuth2TokenType.REFRESH_TOKEN);
		if (authorization == null) {
			return false;
		}
		this.authorizations.remove(authorization);
		return true;
	}

	/** Ends every sign-in of a principal. */
	public int revokeAll(String principalName) {
		return this.authorizations.removeAllOf(principalName);
	}

	/** An account was disabled or reset: its refresh tokens stop working now. */
	@EventListener
	void onSignInsEnded(SignInsEnded ended) {
		revokeAll(ended.username());
	}

	/** The principal a refresh token was issued to, if it is still good. */
	public Optional<String> principalOf(String refreshToken) {
		return Optional.ofNullable(this.authorizations.findByToken(refreshToken, OAuth2TokenType.REFRESH_TOKEN))
			.map(OAuth2Authorization::getPrincipalName);
	}

	private RegisteredClient apiClient() {
		RegisteredClient client = this.clients.findByClientId(API_CLIENT);
		if (client == null) {
			throw new IllegalStateException("The " + API_CLIENT + " client is not registered");
		}
		return client;
	}

	/**
	 * The tokens of a sign-in.
	 *
	 * @param token the access token (JWT) for {@code Authorization: Bearer}
	 * @param expiresIn its lifetime in seconds
	 * @param refreshToken trades for new tokens until {@code refreshExpiresIn} seconds
	 * from now
	 */
	public record Tokens(String token, String tokenType, long expiresIn, String refreshToken, Long refreshExpiresIn) {

		static Tokens of(OAuth2AccessToken access, OAuth2RefreshToken refresh) {
			Instant now = Instant.now();
			return new Tokens(access.getTokenValue(), "Bearer", seconds(now, access.getExpiresAt()),
					(refresh != null) ? refresh.getTokenValue() : null,
					(refresh != null && refresh.getExpiresAt() != null) ? seconds(now, refresh.getExpiresAt()) : null);
		}

		private static long seconds(Instant now, Instant until) {
			return (until != null) ? Math.max(0, Duration.between(now, until).toSeconds()) : 0;
		}

	}

}
