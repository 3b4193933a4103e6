package org.waystation.classifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.waystation.events.Taxonomy;

/**
 * Domain words per category ({@code lexicon.json}), drawn from each agency's remit. They
 * are features, not verdicts: a match adds a feature for its category and the model
 * learns how much it weighs, so a handful of examples per category still generalise to
 * words the examples never used. Chinese words match anywhere, English ones only as whole
 * words ("rent" is not in "parent").
 */
public record Lexicon(String version, Map<String, List<String>> categories) {

	static final String RESOURCE = "/org/waystation/classifier/lexicon.json";

	public Lexicon {
		Taxonomy taxonomy = Taxonomy.standard();
		for (String category : categories.keySet()) {
			if (taxonomy.category(category).isEmpty()) {
				throw new IllegalArgumentException("Lexicon names unknown category " + category);
			}
		}
		categories = new LinkedHashMap<>(categories);
	}

	public static Lexicon standard() {
		return JsonResources.read(RESOURCE, Lexicon.class);
	}

	/** The lexicon compiled for matching. */
	Matcher matcher() {
		List<Entry> entries = new ArrayList<>();
		this.categories.forEach((category, words) -> words.forEach((word) -> entries.add(new Entry(category,
				TextFeatures.normalize(word), TextFeatures.normalize(word).chars().allMatch((c) -> c < 128)))));
		return new Matcher(entries);
	}

	/**
	 * A word of a category; an English one ({@code wholeWord}) matches only standing
	 * alone ("rent" is not in "parent").
	 */
	record Entry(String category, String word, boolean wholeWord) {

	}

	/**
	 * Finds the lexicon's words in normalised text, looking at each place of the text
	 * only at the words that begin with its character. Thread-safe.
	 */
	static final class Matcher {

		private final List<Entry> entries;

		/**
		 * The positions in {@link #entries} of the words beginning with each character.
		 */
		private final Map<Character, int[]> byFirstCharacter;

		Matcher(List<Entry> entries) {
			this.entries = List.copyOf(entries);
			Map<Character, List<Integer>> starting = new java.util.HashMap<>();
			for (int i = 0; i < this.entries.size(); i++) {
				starting.computeIfAbsent(this.entries.get(i).word().charAt(0), (c) -> new ArrayList<>()).add(i);
			}
			this.byFirstCharacter = new java.util.HashMap<>();
			starting.forEach((character, positions) -> this.byFirstCharacter.put(character,
					positions.stream().mapToInt(Integer::intValue).toArray()));
		}

		/** The entries found, in the lexicon's order. */
		List<Entry> find(String normalizedText) {
			java.util.BitSet found = new java.util.BitSet(this.entries.size());
			for (int at = 0; at < normalizedText.length(); at++) {
				int[] candidates = this.byFirstCharacter.get(normalizedText.charAt(at));
				if (candidates == null) {
					continue;
				}
				for (int candidate : candidates) {
					Entry entry = this.entries.get(candidate);
					if (!found.get(candidate) && normalizedText.startsWith(entry.word(), at)
							&& (!entry.wholeWord() || isWholeWord(normalizedText, at, entry.word().length()))) {
						found.set(candidate);
					}
				}
			}
			List<Entry> result = new ArrayList<>(found.cardinality());
			found.stream().forEach((i) -> result.add(this.entries.get(i)));
			return result;
		}

		/** English words stand alone: no letter right before or after them. */
		private static boolean isWholeWord(String text, int start, int length) {
			int end = start + length;
			return (start == 0 || !isLetter(text.charAt(start - 1)))
					&& (end >= text.length() || !isLetter(text.charAt(end)));
		}

		private static boolean isLetter(char c) {
			return c >= 'a' && c <= 'z';
		}

	}

}
