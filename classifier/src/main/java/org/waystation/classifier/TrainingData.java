package org.waystation.classifier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

import org.waystation.events.Taxonomy;

/**
 * The examples shipped in the repository ({@code examples.tsv}: category, type, priority,
 * channel, text per line) and their fixed split. Near-duplicates (typo and paraphrase
 * variants of one appeal: texts whose {@link #shingles} overlap by
 * {@value #NEAR_DUPLICATE} or more, joined transitively) form a group, and a group is
 * held out for evaluation as a whole when the CRC-32 of its first text (in text order) is
 * divisible by 4: about a quarter is held out, no held-out example has a twin in
 * training, and the split does not depend on the order of the file.
 */
public final class TrainingData {

	static final String RESOURCE = "/org/waystation/classifier/examples.tsv";

	static final String CHECK_SET = "/org/waystation/classifier/check-set.tsv";

	private TrainingData() {
	}

	public static List<Example> shipped() {
		return read(RESOURCE, Example.SHIPPED);
	}

	/**
	 * The independent check set ({@code check-set.tsv}): appeals written apart from the
	 * examples, never trained or tuned on, evaluated on their own.
	 */
	public static List<Example> checkSet() {
		return read(CHECK_SET, Example.CHECK_SET);
	}

	private static List<Example> read(String resource, String source) {
		try (InputStream in = TrainingData.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " is missing from the classpath");
			}
			return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), source);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * How much two texts' character pairs must overlap (Jaccard) to be near-duplicates.
	 */
	static final double NEAR_DUPLICATE = 0.4;

	public static List<Example> training(List<Example> examples) {
		List<String> keys = groupKeys(examples);
		List<Example> training = new ArrayList<>();
		for (int i = 0; i < examples.size(); i++) {
			if (!heldOut(keys.get(i))) {
				training.add(examples.get(i));
			}
		}
		return training;
	}

	public static List<Example> heldOut(List<Example> examples) {
		List<String> keys = groupKeys(examples);
		List<Example> heldOut = new ArrayList<>();
		for (int i = 0; i < examples.size(); i++) {
			if (heldOut(keys.get(i))) {
				heldOut.add(examples.get(i));
			}
		}
		return heldOut;
	}

	private static boolean heldOut(String groupKey) {
		return crc(groupKey) % 4 == 0;
	}

	/**
	 * The cross-validation fold of each example, by its near-duplicate group, from bits
	 * of the CRC the split does not use.
	 */
	static List<Integer> folds(List<Example> examples, int folds) {
		return groupKeys(examples).stream().map((key) -> (int) ((crc(key) >>> 2) % folds)).toList();
	}

	private static long crc(String text) {
		CRC32 crc = new CRC32();
		crc.update(text.getBytes(StandardCharsets.UTF_8));
		return crc.getValue();
	}

	/**
	 * For each example, the first text (in text order) of its group of near-duplicates:
	 * texts whose {@link #shingles} overlap by {@link #NEAR_DUPLICATE} or more, joined
	 * transitively.
	 */
	static List<String> groupKeys(List<Example> examples) {
		int n = examples.size();
		List<Set<String>> pairs = new ArrayList<>(n);
		Map<String, List<Integer>> containing = new HashMap<>();
		for (int i = 0; i < n; i++) {
			Set<String> grams = shingles(examples.get(i).text());
			pairs.add(grams);
			for (String gram : grams) {
				containing.computeIfAbsent(gram, (g) -> new ArrayList<>()).add(i);
			}
		}
		int[] parent = new int[n];
		for (int i = 0; i < n; i++) {
			parent[i] = i;
		}
		for (int i = 0; i < n; i++) {
			Map<Integer, Integer> shared = new HashMap<>();
			for (String gram : pairs.get(i)) {
				for (int j : containing.get(gram)) {
					if (j > i) {
						shared.merge(j, 1, Integer::sum);
					}
				}
			}
			for (Map.Entry<Integer, Integer> entry : shared.entrySet()) {
				int common = entry.getValue();
				int union = pairs.get(i).size() + pairs.get(entry.getKey()).size() - common;
				if ((double) common / union >= NEAR_DUPLICATE) {
					parent[root(parent, i)] = root(parent, entry.getKey());
				}
			}
		}
		Map<Integer, String> firstText = new HashMap<>();
		for (int i = 0; i < n; i++) {
			firstText.merge(root(parent, i), examples.get(i).text(), (a, b) -> (a.compareTo(b) <= 0) ? a : b);
		}
		List<String> keys = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			keys.add(firstText.get(root(parent, i)));
		}
		return keys;
	}

	private static int root(int[] parent, int i) {
		int at = i;
		while (parent[at] != at) {
			parent[at] = parent[parent[at]];
			at = parent[at];
		}
		return at;
	}

	/**
	 * What near-duplicates share: adjacent character pairs of the Chinese runs and
	 * adjacent word pairs of the Latin ones (after normalising case and width), so that
	 * typo and paraphrase variants overlap while English texts do not look alike merely
	 * for sharing common letter pairs.
	 */
	static Set<String> shingles(String text) {
		String normalized = TextFeatures.normalize(text);
		Set<String> shingles = new HashSet<>();
		Matcher chinese = CHINESE_RUN.matcher(normalized);
		while (chinese.find()) {
			String run = chinese.group();
			if (run.length() == 1) {
				shingles.add(run);
			}
			for (int i = 0; i + 1 < run.length(); i++) {
				shingles.add(run.substring(i, i + 2));
			}
		}
		List<String> words = new ArrayList<>();
		Matcher word = LATIN_WORD.matcher(normalized);
		while (word.find()) {
			words.add(word.group());
		}
		if (words.size() == 1) {
			shingles.add(words.get(0));
		}
		for (int i = 0; i + 1 < words.size(); i++) {
			shingles.add(words.get(i) + ' ' + words.get(i + 1));
		}
		if (shingles.isEmpty()) {
			shingles.add(normalized.strip());
		}
		return shingles;
	}

	/** How much two texts' shingles overlap (Jaccard). */
	static double overlap(Set<String> one, Set<String> other) {
		long common = one.stream().filter(other::contains).count();
		return (double) common / (one.size() + other.size() - common);
	}

	private static final Pattern CHINESE_RUN = Pattern.compile("\\p{IsHan}+");

	private static final Pattern LATIN_WORD = Pattern.compile("[a-z0-9]+");

	static List<Example> parse(BufferedReader reader) throws IOException {
		return parse(reader, Example.SHIPPED);
	}

	static List<Example> parse(BufferedReader reader, String source) throws IOException {
		Taxonomy taxonomy = Taxonomy.standard();
		List<Example> examples = new ArrayList<>();
		String line;
		int number = 0;
		while ((line = reader.readLine()) != null) {
			number++;
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] columns = line.split("\t", 5);
			if (columns.length != 5) {
				throw new IllegalArgumentException(
						"examples.tsv line " + number + ": expected 5 tab-separated columns");
			}
			if (taxonomy.category(columns[0]).isEmpty() || taxonomy.appealType(columns[1]).isEmpty()
					|| taxonomy.priority(columns[2]).isEmpty()) {
				throw new IllegalArgumentException(
						"examples.tsv line " + number + ": unknown category, type or priority");
			}
			examples.add(new Example(columns[4].strip(), columns[0], columns[1], columns[2], columns[3], source));
		}
		return examples;
	}

}
