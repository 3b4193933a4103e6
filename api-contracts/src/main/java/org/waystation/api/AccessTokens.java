package org.waystation.api;

import java.util.Collection;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * How an access token of a trusted issuer is checked, the same at the gateway and in
 * every service: its signature (by the decoder), its time window, its issuer, and, when
 * the issuer is configured with audiences, one of them in {@code aud}.
 */
public final class AccessTokens {

	private AccessTokens() {
	}

	/**
	 * The checks for tokens of one issuer; no audiences means {@code aud} is not checked.
	 */
	public static OAuth2TokenValidator<Jwt> validator(String issuer, Collection<String> audiences) {
		OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefaultWithIssuer(issuer);
		if (audiences.isEmpty()) {
			return validator;
		}
		return new DelegatingOAuth2TokenValidator<>(validator, new JwtClaimValidator<Collection<String>>(
				JwtClaimNames.AUD, (given) -> given != null && given.stream().anyMatch(audiences::contains)));
	}

}
