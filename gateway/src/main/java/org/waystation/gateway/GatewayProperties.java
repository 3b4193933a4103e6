package org.waystation.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpMethod;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway protects the services.
 *
 * @param issuers the token issuers it trusts (no default: the gateway does not start
 * without one)
 * @param publicEndpoints the requests anyone may send without a token, as
 * {@code METHOD /path/pattern} ({@code *} for any method)
 * @param maxBodySize the largest request body taken
 * @param largerBodies requests allowed a larger body (an appeal with photos)
 * @param rateLimits the limits on how often a client address or an account may call
 * @param rateLimitsEnabled false switches every rate limit off (for load tests only)
 * @param corsAllowedOrigins the browser origins allowed to call the API from other sites
 * (none unless configured)
 */
@Validated
@ConfigurationProperties("waystation.gateway")
public record GatewayProperties(@NotEmpty(
		message = "must name at least one trusted token issuer (issuer and jwk-set-uri)") @Valid List<Issuer> issuers,
		@DefaultValue List<String> publicEndpoints, @DefaultValue("1MB") DataSize maxBodySize,
		@Valid @DefaultValue List<LargerBody> largerBodies, @Valid @DefaultValue List<RateLimit> rateLimits,
		@DefaultValue("true") boolean rateLimitsEnabled, @DefaultValue List<String> corsAllowedOrigins) {

	/**
	 * @param issuer the {@code iss} its tokens carry
	 * @param jwkSetUri where its public keys are published
	 * @param audiences the {@code aud} values accepted; empty accepts any
	 */
	public record Issuer(@NotBlank String issuer, @NotNull URI jwkSetUri, @DefaultValue List<String> audiences) {

	}

	/**
	 * A request that may carry more than {@code max-body-size}.
	 *
	 * @param method its method
	 * @param path its exact path
	 * @param maxBodySize the largest body it may carry
	 */
	public record LargerBody(@NotNull HttpMethod method, @NotBlank String path, @NotNull DataSize maxBodySize) {

	}

	/**
	 * One limit: at most {@code requests} per {@code per} for each client address (on
	 * requests without a token) or each account (on requests with one).
	 *
	 * @param methods the methods it covers (empty: all)
	 * @param paths the path patterns it covers
	 * @param key {@code CLIENT} or {@code ACCOUNT}
	 * @param requests how many; 0 switches the limit off
	 */
	public record RateLimit(@NotBlank String name, @DefaultValue List<HttpMethod> methods, @NotEmpty List<String> paths,
			@NotNull Key key, @Min(0) long requests, @NotNull Duration per) {

		public enum Key {

			CLIENT, ACCOUNT

		}

	}

}
