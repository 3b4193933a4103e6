package org.waystation.support.text;

/** The start of a text, counted in characters as people see them (code points). */
public final class Excerpts {

	private Excerpts() {
	}

	/**
	 * The text itself when it has at most {@code length} code points; otherwise its first
	 * {@code length} and an ellipsis. Null stays null.
	 */
	public static String of(String text, int length) {
		if (text == null || text.codePointCount(0, text.length()) <= length) {
			return text;
		}
		return text.substring(0, text.offsetByCodePoints(0, length)) + "…";
	}

}
