package org.waystation.support.security;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which token issuers a service trusts and how their tokens name roles and scopes. There
 * is no default issuer: a service that is not told whom to trust (here, or by a
 * {@link TrustedIssuer} bean) does not start.
 *
 * @param issuers the trusted issuers: Waystation's identity service, and an agency's own
 * OpenID Connect issuer where it has one
 * @param paths the paths this service's API security covers ({@code /**} unless the
 * service keeps other paths for itself, as the identity service does)
 */
@Validated
@ConfigurationProperties("waystation.security")
public record SecurityProperties(@Valid @DefaultValue List<Issuer> issuers, @DefaultValue("/**") List<String> paths) {

	/**
	 * One trusted issuer.
	 *
	 * @param issuer the {@code iss} its tokens carry, exactly
	 * @param jwkSetUri where its public signing keys are published
	 * @param audiences the {@code aud} values accepted; empty accepts any
	 * @param claims the names its tokens give the caller's roles, department, scope and
	 * name (an agency's issuer may call them differently from Waystation's)
	 */
	public record Issuer(@NotBlank String issuer, @NotNull URI jwkSetUri, @DefaultValue List<String> audiences,
			@Valid @DefaultValue Claims claims) {

	}

	/**
	 * Claim names, for issuers that name them differently from Waystation's. The roles
	 * claim may hold a list or a space- or comma-separated string; values are matched
	 * without regard to case.
	 */
	public record Claims(@DefaultValue("roles") String roles, @DefaultValue("department") String department,
			@DefaultValue("supervises") String supervises, @DefaultValue("name") String name) {

	}

}
