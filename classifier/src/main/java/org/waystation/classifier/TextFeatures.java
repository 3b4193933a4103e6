package org.waystation.classifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Turns an appeal's text into the features the models read. Words come from Lucene's
 * smartcn analyzer (a hidden-Markov-model segmenter for Chinese; English words are
 * lower-cased and stemmed). Character bigrams of the Chinese runs are added because
 * riders' messages are colloquial and full of typos, where the segmenter's words break
 * but most bigrams survive. Thread-safe.
 */
public final class TextFeatures {

	static final String WORD = "w:";

	static final String BIGRAM = "c:";

	static final String LEXICON_WORD = "l:";

	static final String LEXICON_CATEGORY = "k:";

	private final SmartChineseAnalyzer analyzer = new SmartChineseAnalyzer(true);

	private final Lexicon.Matcher lexicon;

	/** What the features depend on, for the model version: the lexicon's words. */
	private final String fingerprint;

	public TextFeatures(Lexicon lexicon) {
		this.lexicon = lexicon.matcher();
		this.fingerprint = LEXICON_WEIGHT + "|" + new java.util.TreeMap<>(lexicon.categories());
	}

	/** With the shipped lexicon. */
	public TextFeatures() {
		this(Lexicon.standard());
	}

	String fingerprint() {
		return this.fingerprint;
	}

	/** Full-width forms to half-width, lower case: ＡＢＣ１２ and abc12 read the same. */
	public static String normalize(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
	}

	/**
	 * How much a lexicon match counts against one word or bigram: the lexicon is curated,
	 * the text's words are not.
	 */
	static final int LEXICON_WEIGHT = 3;

	/**
	 * The features of a text, words first; each word and bigram once, each lexicon
	 * category {@link #LEXICON_WEIGHT} times per matching word.
	 */
	public List<String> features(String text) {
		return analyse(text).features();
	}

	/**
	 * The words of a text as {@link #words} gives them and its {@link #features}, with
	 * the text segmented once.
	 */
	public Analysis analyse(String text) {
		String normalized = normalize(text);
		Set<String> features = new LinkedHashSet<>();
		List<String> lexiconCategories = new ArrayList<>();
		List<String> words = words(normalized);
		for (String word : words) {
			features.add(WORD + word);
		}
		for (Lexicon.Entry entry : this.lexicon.find(normalized)) {
			features.add(LEXICON_WORD + entry.word());
			for (int i = 0; i < LEXICON_WEIGHT; i++) {
				lexiconCategories.add(LEXICON_CATEGORY + entry.category());
			}
		}
		int previous = -1;
		for (int i = 0; i < normalized.length();) {
			int codePoint = normalized.codePointAt(i);
			if (isChinese(codePoint)) {
				if (previous != -1) {
					features.add(BIGRAM + new String(Character.toChars(previous))
							+ new String(Character.toChars(codePoint)));
				}
				previous = codePoint;
			}
			else {
				previous = -1;
			}
			i += Character.charCount(codePoint);
		}
		List<String> all = new ArrayList<>(features);
		all.addAll(lexiconCategories);
		return new Analysis(words, all);
	}

	/** A text's words and its features. */
	public record Analysis(List<String> words, List<String> features) {

	}

	/**
	 * The words of a text as the segmenter sees them (stop words and punctuation
	 * dropped).
	 */
	public List<String> words(String text) {
		List<String> words = new ArrayList<>();
		try (TokenStream tokens = this.analyzer.tokenStream("text", normalize(text))) {
			CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
			tokens.reset();
			while (tokens.incrementToken()) {
				words.add(term.toString());
			}
			tokens.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return words;
	}

	/**
	 * The feature as people read it: the word or the two characters; empty for the
	 * lexicon's per-category features, which its words already show.
	 */
	static java.util.Optional<String> display(String feature) {
		return feature.startsWith(LEXICON_CATEGORY) ? java.util.Optional.empty()
				: java.util.Optional.of(feature.substring(2));
	}

	static boolean isBigram(String feature) {
		return feature.startsWith(BIGRAM);
	}

	static boolean isChinese(int codePoint) {
		return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
	}

}
