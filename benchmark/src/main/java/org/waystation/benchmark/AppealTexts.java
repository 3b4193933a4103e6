package org.waystation.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Realistic appeal texts, in turn. */
final class AppealTexts {

	private final List<String> texts;

	private AppealTexts(List<String> texts) {
		this.texts = texts;
	}

	static AppealTexts load() {
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(AppealTexts.class.getResourceAsStream("/appeals.txt"), StandardCharsets.UTF_8))) {
			return new AppealTexts(in.lines().filter((line) -> !line.isBlank() && !line.startsWith("#")).toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String get(long i) {
		return this.texts.get((int) (i % this.texts.size()));
	}

	int size() {
		return this.texts.size();
	}

}
