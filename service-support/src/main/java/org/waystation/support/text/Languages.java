package org.waystation.support.text;

/**
 * The language a worker wrote in, as far as messages to them go: English when the text
 * has Latin letters and no Chinese characters, Chinese otherwise.
 */
public final class Languages {

	private Languages() {
	}

	public static boolean writtenInEnglish(String text) {
		if (text == null) {
			return false;
		}
		return text.codePoints().noneMatch((c) -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
				&& text.codePoints().anyMatch((c) -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
	}

}
