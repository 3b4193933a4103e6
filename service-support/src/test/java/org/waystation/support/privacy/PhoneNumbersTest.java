package org.waystation.support.privacy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTest {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			13812345678          | 13812345678
			+86 138 1234 5678    | 13812345678
			0086-138-1234-5678   | 13812345678
			010-65123456         | 01065123456
			0755 8765 4321       | 075587654321
			（010）65123456       | 01065123456
			""")
	void acceptsNumbersAsWorkersTypeThem(String typed, String canonical) {
		assertThat(PhoneNumbers.normalize(typed)).contains(canonical);
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "", "1381234", "12812345678", "138123456789", "abc13812345678", "65123456", "+1 212 555 0100" })
	void refusesWhatIsNotAChinesePhoneNumber(String typed) {
		assertThat(PhoneNumbers.normalize(typed)).isEmpty();
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			13812345678  | 138****5678
			01065123456  | 010****3456
			123          | ****
			""")
	void masksTheMiddleOfANumber(String phone, String masked) {
		assertThat(PhoneNumbers.mask(phone)).isEqualTo(masked);
	}

}
