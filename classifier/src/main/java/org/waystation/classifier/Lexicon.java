package org.waystation.classifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

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
		this.categories.forEach((category, words) -> words
			.forEach((word) -> entries.add(new Entry(category, TextFeatures.normalize(word), compile(word)))));
		return new Matcher(entries);
	}

	record Entry(String category, String word, Pattern pattern) {

	}

	/** Finds the lexicon's words in normalised text. Thread-safe. */
	static final class Matcher {

		private final List<Entry> entries;

		Matcher(List<Entry> entries) {
			this.entries = List.copyOf(entries);
		}

		List<Entry> find(String normalizedText) {
			List<Entry> found = new ArrayList<>();
			for (Entry entry : this.entries) {
				boolean ascii = entry.pattern() != null;
				if (ascii ? entry.pattern().matcher(normalizedText).find() : normalizedText.contains(entry.word())) {
					found.add(entry);
				}
			}
			return found;
		}

	}

	/** English words need word boundaries; Chinese ones are found with contains(). */
	private static Pattern compile(String word) {
		String normalized = TextFeatures.normalize(word);
		if (!normalized.chars().allMatch((c) -> c < 128)) {
			return null;
		}
		return Pattern.compile("(?<![a-z])" + Pattern.quote(normalized.toLowerCase(Locale.ROOT)) + "(?![a-z])");
	}

}
