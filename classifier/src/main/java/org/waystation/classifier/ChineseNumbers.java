package org.waystation.classifier;

/**
 * Reads the small numbers people write when they count colleagues: "20", "十", "二十多",
 * "十几", "几十", "上百", "两百". A vague "几" counts as 2 (几十 = 20, 十几 = 12), the lower reading.
 */
final class ChineseNumbers {

	private ChineseNumbers() {
	}

	static long parse(String text) {
		if (text.chars().allMatch(Character::isDigit)) {
			return Long.parseLong(text);
		}
		long total = 0;
		long current = 0;
		for (char c : text.toCharArray()) {
			long digit = digit(c);
			if (digit >= 0) {
				current = digit;
				continue;
			}
			long unit = switch (c) {
				case '十' -> 10;
				case '百' -> 100;
				case '千' -> 1000;
				default -> 0;
			};
			if (unit == 0) {
				return 0;
			}
			total += ((current == 0) ? 1 : current) * unit;
			current = 0;
		}
		return total + current;
	}

	private static long digit(char c) {
		return switch (c) {
			case '一' -> 1;
			case '二', '两', '几' -> 2;
			case '三' -> 3;
			case '四' -> 4;
			case '五' -> 5;
			case '六' -> 6;
			case '七' -> 7;
			case '八' -> 8;
			case '九' -> 9;
			default -> -1;
		};
	}

}
