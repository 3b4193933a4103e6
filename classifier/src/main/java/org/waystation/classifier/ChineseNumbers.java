package org.waystation.classifier;

/**
 * Reads the small numbers people write when they count colleagues: "20", "十", "二十多",
 * "十几", "几十", "数十", "上百", "两百", and in English "twenty", "a dozen", "a couple dozen",
 * "dozens", "hundreds". A vague "几" or "数" counts as 2 (几十 = 20, 十几 = 12), the lower
 * reading; "上百" is 100, "dozens" 24.
 */
final class ChineseNumbers {

	private ChineseNumbers() {
	}

	private static final java.util.Map<String, Long> ENGLISH = java.util.Map.ofEntries(java.util.Map.entry("ten", 10L),
			java.util.Map.entry("eleven", 11L), java.util.Map.entry("twelve", 12L), java.util.Map.entry("fifteen", 15L),
			java.util.Map.entry("twenty", 20L), java.util.Map.entry("thirty", 30L), java.util.Map.entry("forty", 40L),
			java.util.Map.entry("fifty", 50L), java.util.Map.entry("sixty", 60L), java.util.Map.entry("seventy", 70L),
			java.util.Map.entry("eighty", 80L), java.util.Map.entry("ninety", 90L), java.util.Map.entry("a dozen", 12L),
			java.util.Map.entry("dozens", 24L), java.util.Map.entry("several dozen", 24L),
			java.util.Map.entry("a few dozen", 24L), java.util.Map.entry("a couple dozen", 24L),
			java.util.Map.entry("a couple of dozen", 24L), java.util.Map.entry("a hundred", 100L),
			java.util.Map.entry("hundreds", 200L));

	/**
	 * The English counts {@link #parse} reads, as regular-expression alternatives,
	 * longest first.
	 */
	static String englishCounts() {
		return String.join("|",
				ENGLISH.keySet()
					.stream()
					.sorted(java.util.Comparator.comparingInt(String::length).reversed().thenComparing(String::valueOf))
					.toList());
	}

	static long parse(String text) {
		if (text.chars().allMatch(Character::isDigit)) {
			return Long.parseLong(text);
		}
		Long english = ENGLISH.get(text.toLowerCase(java.util.Locale.ROOT).strip());
		if (english != null) {
			return english;
		}
		if (text.startsWith("上")) {
			// 上百, 上千: at least that many.
			return parse(text.substring(1));
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
			case '二', '两', '几', '数' -> 2;
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
