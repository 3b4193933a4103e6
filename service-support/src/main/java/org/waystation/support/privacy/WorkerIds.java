package org.waystation.support.privacy;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A worker's pseudonymous id: a keyed hash (HMAC-SHA256) of their phone number in
 * canonical form, so the same number however written gives the same id, and the id does
 * not give the number back without the key. It is the subject of the worker's sign-in
 * tokens and how services tell one worker's appeals from another's.
 */
public final class WorkerIds {

	private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

	private final SecretKeySpec key;

	public WorkerIds(String secret) {
		if (secret == null || secret.length() < 16) {
			throw new IllegalArgumentException("The worker id key must have at least 16 characters");
		}
		this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	/**
	 * The worker id of a phone number: {@code w-} and 26 base-32 characters (130 bits of
	 * the hash).
	 */
	public String of(String phone) {
		String canonical = PhoneNumbers.normalize(phone).orElse(phone.strip().toLowerCase(Locale.ROOT));
		byte[] hash;
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			hash = mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
		StringBuilder id = new StringBuilder("w-");
		int buffer = 0;
		int bits = 0;
		for (int i = 0; i < 17 && id.length() < 28; i++) {
			buffer = (buffer << 8) | (hash[i] & 0xff);
			bits += 8;
			while (bits >= 5 && id.length() < 28) {
				id.append(BASE32[(buffer >> (bits - 5)) & 31]);
				bits -= 5;
			}
		}
		return id.toString();
	}

	/** Whether a token subject has the shape of a worker id. */
	public static boolean looksLikeWorkerId(String subject) {
		return subject != null && subject.matches("w-[a-z2-7]{26}");
	}

}
