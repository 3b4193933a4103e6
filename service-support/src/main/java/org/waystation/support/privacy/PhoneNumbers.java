package org.waystation.support.privacy;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Chinese phone numbers as workers type them: mobiles with or without +86, landlines with
 * an area code, with spaces or hyphens anywhere.
 */
public final class PhoneNumbers {

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}\\d{7,8}");

	private PhoneNumbers() {
	}

	/**
	 * The number in canonical form (digits only, no country code), or empty if it is not
	 * one.
	 */
	public static Optional<String> normalize(String raw) {
		if (raw == null) {
			return Optional.empty();
		}
		String digits = raw.replaceAll("[\\s\\-()（）]", "");
		if (digits.startsWith("+86")) {
			digits = digits.substring(3);
		}
		else if (digits.startsWith("0086")) {
			digits = digits.substring(4);
		}
		if (MOBILE.matcher(digits).matches() || LANDLINE.matcher(digits).matches()) {
			return Optional.of(digits);
		}
		return Optional.empty();
	}

	/** The number with its middle hidden, as logs and screens show it: 138****5678. */
	public static String mask(String phone) {
		if (phone == null || phone.length() < 7) {
			return "****";
		}
		return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
	}

}
