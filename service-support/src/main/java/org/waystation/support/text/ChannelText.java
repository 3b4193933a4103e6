package org.waystation.support.text;

/**
 * Text from a channel that cannot be sent back for correction (SMS, IM, an imported row),
 * made fit to store: control characters become spaces (line breaks stay), full-width
 * letters, digits and the ideographic space become their ordinary forms (Chinese
 * punctuation stays as written), runs of spaces become one, and the ends are trimmed.
 * Emoji and every other character are kept.
 */
public final class ChannelText {

	private ChannelText() {
	}

	/**
	 * Whether the text holds a character {@link #clean} would remove: a control character
	 * other than tab and line breaks, an invisible formatting character (the zero-width
	 * joiner inside emoji excepted), a line or paragraph separator or a lone surrogate.
	 * Channels that can tell their sender refuse such text instead of cleaning it.
	 */
	public static boolean hasControlCharacters(String text) {
		return text.codePoints()
			.anyMatch((c) -> (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') || c == 0x2028
					|| c == 0x2029 || (Character.getType(c) == Character.FORMAT && c != 0x200D)
					|| Character.getType(c) == Character.SURROGATE);
	}

	public static String clean(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder cleaned = new StringBuilder(text.length());
		text.codePoints().forEach((c) -> {
			if (c == '\n') {
				cleaned.append('\n');
			}
			else if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || c == 0x3000
					|| (Character.getType(c) == Character.FORMAT && c != 0x200D)
					|| (Character.getType(c) == Character.SURROGATE)) {
				cleaned.append(' ');
			}
			else if ((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A)) {
				cleaned.append((char) (c - 0xFEE0));
			}
			else {
				cleaned.appendCodePoint(c);
			}
		});
		return cleaned.toString()
			.replaceAll("[ \\t]+", " ")
			.replaceAll(" ?\\n ?", "\n")
			.replaceAll("\\n{3,}", "\n\n")
			.strip();
	}

}
