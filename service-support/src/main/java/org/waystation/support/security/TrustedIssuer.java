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
 */
public record TrustedIssuer(String issuer, NimbusJwtDecoder decoder, List<String> audiences) {

}
