package org.waystation.classifier;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Looking for a match only where one can begin finds what the regular expression finds
 * everywhere: the same place, the same words.
 */
class AlternativesTest {

	@Test
	void tellsTheCharactersAPatternCanBeginWith() {
		assertThat(chars("想死")).isEqualTo("想");
		assertThat(chars("(?<![烦气])想死(?!的心)")).isEqualTo("想");
		assertThat(chars("\\b(metal|iron) bar\\b|\\bknife\\b")).isEqualTo("ikm");
		assertThat(chars("(不想|不愿)(再)?撑")).isEqualTo("不");
		assertThat(chars("[烦气]死")).isEqualTo("气烦");
		assertThat(chars("\\.net")).isEqualTo(".");
		// Where anything may begin a match, nothing is told.
		assertThat(Alternatives.firstCharacters("(再)?撑")).isNull();
		assertThat(Alternatives.firstCharacters(".{0,8}跳下")).isNull();
		assertThat(Alternatives.firstCharacters("\\d+名")).isNull();
		assertThat(Alternatives.firstCharacters("[^a]x")).isNull();
		assertThat(Alternatives.firstCharacters("[a-z]x")).isNull();
		assertThat(Alternatives.firstCharacters("a|.b")).isNull();
		assertThat(Alternatives.firstCharacters("(a|)b")).isNull();
		assertThat(Alternatives.firstCharacters("a*b")).isNull();
	}

	@Test
	void findsWhatTheRegularExpressionFindsInEveryShippedTextWithEveryRule() throws IOException {
		List<String> texts = new ArrayList<>();
		TrainingData.shipped().forEach((example) -> texts.add(TextFeatures.normalize(example.text())));
		TrainingData.checkSet().forEach((example) -> texts.add(TextFeatures.normalize(example.text())));
		UrgentSignalsTest.dangerAndLookAlikes()
			.forEach((arguments) -> texts.add(TextFeatures.normalize((String) arguments.get()[1])));
		// Texts cut anywhere, so that matches begin at the very start and end at the end.
		int count = texts.size();
		for (int i = 0; i < count; i += 7) {
			String text = texts.get(i);
			texts.add(text.substring(text.length() / 3));
			texts.add(text.substring(0, (2 * text.length()) / 3));
		}
		SignalRules rules = SignalRules.standard();
		List<Alternatives> patterns = new ArrayList<>();
		for (SignalRules.Rule rule : rules.rules()) {
			patterns.addAll(rule.compiledWhen());
			patterns.addAll(rule.compiledUnless());
		}
		patterns.add(rules.groupSize().compiledContexts());
		patterns.add(rules.groupSize().compiledUnless());
		assertThat(patterns.stream().filter(Alternatives::prefiltered).count())
			.as("most rules' patterns tell where a match can begin")
			.isGreaterThan(patterns.size() / 2);
		long matches = 0;
		for (Alternatives pattern : patterns) {
			for (String text : texts) {
				Matcher everywhere = pattern.pattern().matcher(text);
				Matcher found = pattern.find(text);
				if (everywhere.find()) {
					matches++;
					assertThat(found).as("%s in %s", pattern.pattern(), text).isNotNull();
					assertThat(found.start()).as("%s in %s", pattern.pattern(), text).isEqualTo(everywhere.start());
					assertThat(found.group()).isEqualTo(everywhere.group());
				}
				else {
					assertThat(found).as("%s in %s", pattern.pattern(), text).isNull();
				}
			}
		}
		assertThat(matches).as("the comparison saw matches").isGreaterThan(1000);
	}

	private static String chars(String pattern) {
		BitSet firsts = Alternatives.firstCharacters(pattern);
		StringBuilder text = new StringBuilder();
		firsts.stream().forEach((c) -> text.append((char) c));
		return text.toString();
	}

}
