package org.waystation.support.security;

import java.util.List;

import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * An issuer a service trusts without fetching its keys over HTTP: the identity service
 * trusts its own tokens this way. Declared as a bean beside the configured issuers.
 *
 * @param issuer the {@code iss} its tokens carry
 * @param decoder checks their signatures
 * @param audiences the {@code aud} values accepted; empty accepts any
 * @param claims the names of its claims
 */
public record TrustedIssuer(String issuer, NimbusJwtDecoder decoder, List<String> audiences,
		SecurityProperties.Claims claims) {

	/** An issuer that names its claims as Waystation's identity service does. */
	public TrustedIssuer(String issuer, NimbusJwtDecoder decoder, List<String> audiences) {
		this(issuer, decoder, audiences, new SecurityProperties.Claims("roles", "department", "supervises", "name"));
	}

}
