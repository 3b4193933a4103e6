package org.waystation.identity.account;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Set;

/**
 * What a password must be: 12 to 128 characters, not the username, not one of the
 * passwords everybody tries first, and not a single character repeated.
 */
public final class PasswordPolicy {

	private static final Set<String> COMMON = Set.of("123456789012", "password1234", "qwertyuiop12", "abc123456789",
			"1qaz2wsx3edc", "woaini1314520", "aaaaaaaaaaaa", "000000000000", "111111111111", "123123123123",
			"passwordpassword", "waystation123");

	private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private PasswordPolicy() {
	}

	/**
	 * @throws InvalidAccountException naming the field when the password will not do
	 */
	public static void check(String field, String password, String username) {
		if (password == null || password.length() < 12 || password.length() > 128) {
			throw new InvalidAccountException(field, "must have 12 to 128 characters");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (lower.equals(username.toLowerCase(Locale.ROOT)) || COMMON.contains(lower)
				|| password.chars().distinct().count() < 4) {
			throw new InvalidAccountException(field, "is too easy to guess");
		}
	}

	/** A new random password of 16 characters, for an account created or reset. */
	public static String generate() {
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			password.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
		}
		return password.toString();
	}

}
