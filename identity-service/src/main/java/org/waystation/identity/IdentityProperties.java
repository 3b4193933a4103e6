package org.waystation.identity;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the identity service issues and protects identities. The secrets have no defaults:
 * the local stack generates them on its first start, elsewhere they must be set.
 *
 * @param issuer the issuer URL tokens carry, as clients reach it (through the gateway)
 * @param accessTokenLifetime how long an access token is good for
 * @param refreshTokenLifetime how long a sign-in lasts without signing in again
 * @param encryptionKey the password signing keys and second-factor secrets are encrypted
 * with at rest
 * @param encryptionSalt its salt, in hex
 * @param codeKey the key one-time codes are hashed with before they are stored
 */
@Validated
@ConfigurationProperties("waystation.identity")
public record IdentityProperties(@NotBlank(message = "must be set: the issuer URL clients see") String issuer,
		@DefaultValue("15m") Duration accessTokenLifetime, @DefaultValue("12h") Duration refreshTokenLifetime,
		@NotBlank(message = "must be set (WAYSTATION_IDENTITY_ENCRYPTION_KEY)") @Size(min = 16,
				message = "must have at least 16 characters") String encryptionKey,
		@NotBlank(message = "must be set (WAYSTATION_IDENTITY_ENCRYPTION_SALT)") @Pattern(regexp = "[0-9a-f]{16,}",
				message = "must be at least 16 hex digits") String encryptionSalt,
		@NotBlank(message = "must be set (WAYSTATION_IDENTITY_CODE_KEY)") @Size(min = 16,
				message = "must have at least 16 characters") String codeKey,
		@Valid @DefaultValue Lockout lockout, @Valid @DefaultValue SigningKeys signingKeys,
		@Valid @DefaultValue Codes codes, @Valid @DefaultValue WebClient webClient, @Valid @DefaultValue Demo demo,
		@DefaultValue("400d") Duration auditRetention) {

	@AssertTrue(message = "waystation.identity.audit-retention must be at least 183 days (six months)")
	boolean isAuditRetentionLongEnough() {
		return this.auditRetention.compareTo(Duration.ofDays(183)) >= 0;
	}

	/**
	 * @param maxFailures consecutive wrong passwords (or second factors) that lock an
	 * account
	 * @param lockFor how long it stays locked
	 */
	public record Lockout(@DefaultValue("5") @Min(1) int maxFailures, @DefaultValue("15m") Duration lockFor) {

	}

	/**
	 * @param rotateEvery a new signing key is made when the newest is this old
	 * @param publishAhead a new key is published this long before it signs anything, so
	 * that every resource server has fetched it first
	 * @param keepAfter a key that no longer signs stays published this long beyond the
	 * access-token lifetime, so that tokens it signed stay valid
	 */
	public record SigningKeys(@DefaultValue("30d") Duration rotateEvery, @DefaultValue("10m") Duration publishAhead,
			@DefaultValue("5m") Duration keepAfter) {

	}

	/**
	 * Workers' one-time sign-in codes.
	 *
	 * @param lifetime how long a code can be used
	 * @param maxAttempts wrong tries after which a code is dead
	 * @param resendAfter the least time between two codes to one phone
	 * @param perPhonePerHour codes one phone may get in an hour
	 * @param perPhonePerDay codes one phone may get in a day
	 * @param perAddressPerHour codes one client address may ask for in an hour
	 */
	public record Codes(@DefaultValue("5m") Duration lifetime, @DefaultValue("5") @Min(1) @Max(10) int maxAttempts,
			@DefaultValue("60s") Duration resendAfter, @DefaultValue("5") @Min(1) int perPhonePerHour,
			@DefaultValue("10") @Min(1) int perPhonePerDay, @DefaultValue("20") @Min(1) int perAddressPerHour) {

	}

	/**
	 * The browser client of the web screens (authorization code with PKCE).
	 *
	 * @param redirectUris where it may be sent back after sign-in
	 */
	public record WebClient(@DefaultValue List<String> redirectUris,
			@DefaultValue List<String> postLogoutRedirectUris) {

	}

	/**
	 * Demonstration accounts, for the local stack only.
	 *
	 * @param enabled create them at start-up when missing
	 * @param password the password of every demo account
	 * @param adminTotpSecret the demo administrator's authenticator secret (base32)
	 */
	public record Demo(@DefaultValue("false") boolean enabled, String password, String adminTotpSecret) {

		@AssertTrue(message = "waystation.identity.demo needs a password and an admin-totp-secret when enabled")
		boolean isComplete() {
			return !this.enabled || (this.password != null && this.password.length() >= 12
					&& this.adminTotpSecret != null && !this.adminTotpSecret.isBlank());
		}

	}

}
