package org.waystation.classifier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

import org.waystation.events.Taxonomy;

/**
 * The examples shipped in the repository ({@code examples.tsv}: category, type, priority,
 * channel, text per line) and their fixed split: an example is held out for evaluation
 * when the CRC-32 of its text is divisible by 4, so about a quarter is held out, the
 * split does not depend on the order of the file, and adding examples never moves an old
 * one between the halves.
 */
public final class TrainingData {

	static final String RESOURCE = "/org/waystation/classifier/examples.tsv";

	private TrainingData() {
	}

	public static List<Example> shipped() {
		try (InputStream in = TrainingData.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is missing from the classpath");
			}
			return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static List<Example> training(List<Example> examples) {
		return examples.stream().filter((example) -> !heldOut(example)).toList();
	}

	public static List<Example> heldOut(List<Example> examples) {
		return examples.stream().filter(TrainingData::heldOut).toList();
	}

	static boolean heldOut(Example example) {
		CRC32 crc = new CRC32();
		crc.update(example.text().getBytes(StandardCharsets.UTF_8));
		return crc.getValue() % 4 == 0;
	}

	/**
	 * The cross-validation fold of a training example, from bits of the CRC the split
	 * does not use.
	 */
	static int fold(Example example, int folds) {
		CRC32 crc = new CRC32();
		crc.update(example.text().getBytes(StandardCharsets.UTF_8));
		return (int) ((crc.getValue() >>> 2) % folds);
	}

	static List<Example> parse(BufferedReader reader) throws IOException {
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
			examples
				.add(new Example(columns[4].strip(), columns[0], columns[1], columns[2], columns[3], Example.SHIPPED));
		}
		return examples;
	}

}
