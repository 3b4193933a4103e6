package org.waystation.support.privacy;

import java.util.Random;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the phone rules over generated numbers, written the ways people type them
 * (country code, spaces, hyphens, brackets), and over near-misses: each repetition draws
 * from its own fixed seed.
 */
class PhoneNumbersPropertiesTest {

	private static final String[] SEPARATORS = { "", " ", "-", " - ", "（", "）", "(", ")" };

	@RepeatedTest(1000)
	void aMobileNumberIsFoundHoweverItIsWrittenAndMaskedToItsEnds(RepetitionInfo repetition) {
		Random random = new Random(0x138L + repetition.getCurrentRepetition());
		String mobile = mobile(random);
		StringBuilder typed = new StringBuilder(switch (random.nextInt(3)) {
			case 0 -> "+86";
			case 1 -> "0086";
			default -> "";
		});
		for (char digit : mobile.toCharArray()) {
			typed.append(SEPARATORS[random.nextInt(SEPARATORS.length)]).append(digit);
		}

		assertThat(PhoneNumbers.normalize(typed.toString())).as(typed.toString()).contains(mobile);
		assertThat(PhoneNumbers.normalize(mobile)).contains(mobile);
		String masked = PhoneNumbers.mask(mobile);
		assertThat(masked).hasSize(11)
			.startsWith(mobile.substring(0, 3))
			.endsWith(mobile.substring(7))
			.contains("****");
		assertThat(masked.substring(3, 7)).isEqualTo("****");
	}

	@RepeatedTest(500)
	void aNearMissIsNoNumber(RepetitionInfo repetition) {
		Random random = new Random(0xBADL + repetition.getCurrentRepetition());
		String mobile = mobile(random);
		String miss = switch (random.nextInt(4)) {
			case 0 -> mobile.substring(0, 10);
			case 1 -> mobile + random.nextInt(10);
			case 2 -> "12" + mobile.substring(2);
			default -> mobile.substring(0, 5) + "a" + mobile.substring(6);
		};

		assertThat(PhoneNumbers.normalize(miss)).as(miss).isEmpty();
	}

	/** A mainland mobile number: 1, then 3 to 9, then nine digits. */
	private static String mobile(Random random) {
		StringBuilder digits = new StringBuilder("1").append(3 + random.nextInt(7));
		for (int i = 0; i < 9; i++) {
			digits.append(random.nextInt(10));
		}
		return digits.toString();
	}

}
