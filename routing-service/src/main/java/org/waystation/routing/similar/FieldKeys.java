package org.waystation.routing.similar;

/**
 * Words and district names as MongoDB field names, which may not hold {@code .} or start
 * with {@code $}: those and {@code %} are percent-escaped, everything else (Chinese
 * included) is kept.
 */
final class FieldKeys {

	private FieldKeys() {
	}

	static String escape(String value) {
		return value.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
	}

	static String unescape(String key) {
		return key.replace("%24", "$").replace("%2E", ".").replace("%25", "%");
	}

}
