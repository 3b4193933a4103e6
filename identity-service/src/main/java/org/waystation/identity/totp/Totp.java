package org.waystation.identity.totp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;

/**
 * Authenticator codes (TOTP, RFC 6238: HMAC-SHA1, 6 digits, 30-second steps), as every
 * authenticator app makes them. A code is accepted one step early or late, and only once:
 * the step it was used for must be newer than the last one used.
 */
public final class Totp {

	public static final Duration STEP = Duration.ofSeconds(30);

	private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator(STEP, 6);

	private static final SecureRandom RANDOM = new SecureRandom();

	private Totp() {
	}

	/** A new secret of 160 bits, in base32 as authenticator apps take it. */
	public static String newSecret() {
		byte[] secret = new byte[20];
		RANDOM.nextBytes(secret);
		return new Base32().encodeToString(secret).replace("=", "");
	}

	/** The {@code otpauth://} URI an authenticator app reads from a QR code. */
	public static String uri(String secret, String username) {
		String label = URLEncoder.encode("Waystation:" + username, StandardCharsets.UTF_8).replace("+", "%20");
		return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=Waystation&algorithm=SHA1&digits=6&period="
				+ STEP.toSeconds();
	}

	/** The code for an instant, as an authenticator app would show it. */
	public static String code(String secret, Instant at) {
		try {
			return GENERATOR.generateOneTimePasswordString(key(secret), at, Locale.ROOT);
		}
		catch (InvalidKeyException ex) {
			throw new IllegalArgumentException("Not a usable TOTP secret", ex);
		}
	}

	/**
	 * The time step the code is good for (one early, now or one late), or -1 when it is
	 * wrong or was used already.
	 */
	public static long verify(String secret, String code, Instant now, long lastUsedStep) {
		if (code == null || !code.matches("\\d{6}")) {
			return -1;
		}
		long current = now.getEpochSecond() / STEP.toSeconds();
		for (long step = current - 1; step <= current + 1; step++) {
			String expected = code(secret, Instant.ofEpochSecond(step * STEP.toSeconds()));
			if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
					code.getBytes(StandardCharsets.US_ASCII))) {
				return (step > lastUsedStep) ? step : -1;
			}
		}
		return -1;
	}

	private static SecretKeySpec key(String secret) {
		return new SecretKeySpec(new Base32().decode(secret.toUpperCase(Locale.ROOT)),
				TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
	}

}
