package org.waystation.intake.appeal;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Tracking codes workers can read out over the phone: "WS" and eight characters from an
 * alphabet without look-alikes (no 0/O, 1/I/L), about 39 bits, unguessable in practice.
 */
final class TrackingCodes {

	private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();

	private static final String PREFIX = "WS";

	private static final int LENGTH = 8;

	private final SecureRandom random = new SecureRandom();

	String next() {
		StringBuilder code = new StringBuilder(PREFIX);
		for (int i = 0; i < LENGTH; i++) {
			code.append(ALPHABET[this.random.nextInt(ALPHABET.length)]);
		}
		return code.toString();
	}

	/**
	 * The code as stored, from what a person typed: any case, spaces and hyphens ignored.
	 */
	static String normalize(String typed) {
		return typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
	}

}
