package org.waystation.support.text;

import java.util.Random;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the channel text normaliser over generated texts that mix Chinese,
 * letters, full-width forms, emoji (with joiners), control and invisible characters, line
 * separators and lone surrogates: each repetition draws from its own fixed seed.
 */
class ChannelTextPropertiesTest {

	private static final int[] ALPHABET = { 'a', 'Z', '7', ' ', '\t', '\n', '\r', 0x00, 0x07, 0x1B, 0x7F, 0x85, 0x3000,
			0xFF21, 0xFF41, 0xFF10, 0xFF19, 0x6B20, 0x85AA, 0x9A91, 0x624B, 0x3002, 0xFF0C, 0x200B, 0x200D, 0x2028,
			0x2029, 0xFEFF, 0x202E, 0xD83D, 0xDE00, 0x1F600, 0x1F469, 0x1F4E6 };

	@RepeatedTest(1000)
	void cleanTextIsStableStorableAndKeepsTheWords(RepetitionInfo repetition) {
		Random random = new Random(0x7E47L + repetition.getCurrentRepetition());
		StringBuilder raw = new StringBuilder();
		int length = random.nextInt(40);
		for (int i = 0; i < length; i++) {
			raw.appendCodePoint(ALPHABET[random.nextInt(ALPHABET.length)]);
		}
		String text = raw.toString();

		String clean = ChannelText.clean(text);

		assertThat(ChannelText.clean(clean)).as("clean twice").isEqualTo(clean);
		assertThat(ChannelText.hasControlCharacters(clean)).as("no control character left").isFalse();
		assertThat(clean).doesNotStartWith(" ").doesNotEndWith(" ").doesNotContain("  ");
		assertThat(clean.codePoints().filter((c) -> c >= 0xFF01 && c <= 0xFF5E && Character.isLetterOrDigit(c)))
			.as("full-width letters and digits made ordinary")
			.isEmpty();
		assertThat(kept(clean)).as("Chinese characters, punctuation and emoji kept in order").isEqualTo(kept(text));
	}

	/** The characters cleaning must keep as they are. */
	private static String kept(String text) {
		StringBuilder kept = new StringBuilder();
		text.codePoints()
			.filter((c) -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN || c == 0x3002 || c == 0xFF0C
					|| Character.getType(c) == Character.OTHER_SYMBOL)
			.forEach(kept::appendCodePoint);
		return kept.toString();
	}

}
