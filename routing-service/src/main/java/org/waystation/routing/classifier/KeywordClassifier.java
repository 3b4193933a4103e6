package org.waystation.routing.classifier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.waystation.events.Taxonomy;

/**
 * Scores each category by the keywords its rules find in the text; longer phrases weigh
 * more, being more specific. No match sends the appeal to TRIAGE as OTHER. Urgent words
 * make it URGENT whatever its category.
 */
public class KeywordClassifier {

	static final String OTHER = "OTHER";

	private final KeywordRules rules;

	private final Taxonomy taxonomy = Taxonomy.standard();

	private final Map<String, Pattern> patterns = new HashMap<>();

	public KeywordClassifier(KeywordRules rules) {
		this.rules = rules;
		Stream
			.of(rules.categories().stream().flatMap((rule) -> rule.keywords().stream()),
					rules.appealTypes().stream().flatMap((rule) -> rule.keywords().stream()),
					rules.urgentKeywords().stream(), rules.highPriorityKeywords().stream())
			.flatMap((keywords) -> keywords)
			.forEach((keyword) -> this.patterns.computeIfAbsent(keyword, KeywordClassifier::compile));
	}

	public Classification classify(String text) {
		String normalized = text.toLowerCase(Locale.ROOT);
		List<Score> scores = new ArrayList<>();
		for (KeywordRules.CategoryKeywords rule : this.rules.categories()) {
			List<String> matched = matches(normalized, rule.keywords());
			if (!matched.isEmpty()) {
				scores.add(new Score(rule.category(), matched,
						matched.stream().mapToDouble(KeywordClassifier::weight).sum()));
			}
		}
		scores.sort(Comparator.comparingDouble(Score::weight).reversed());
		String type = appealType(normalized);
		if (scores.isEmpty()) {
			String priority = priority(normalized, OTHER, type);
			return new Classification(OTHER, departmentOf(OTHER), type, priority, 0.0, List.of(),
					"未命中任何分类关键词，转综合受理派单中心人工分拣。", this.rules.version());
		}
		Score best = scores.get(0);
		double total = scores.stream().mapToDouble(Score::weight).sum();
		// Share of the evidence, discounted when the evidence is thin.
		double confidence = (best.weight() / total) * (best.weight() / (best.weight() + 1.0));
		String department = departmentOf(best.category());
		String categoryName = this.taxonomy.category(best.category()).map((c) -> c.zh()).orElse(best.category());
		String explanation = "关键词" + String.join("、", best.matched().stream().map((k) -> "“" + k + "”").toList())
				+ "指向类别 " + best.category() + "（" + categoryName + "），由 " + department + " 主办。";
		return new Classification(best.category(), department, type, priority(normalized, best.category(), type),
				Math.round(confidence * 100) / 100.0, best.matched(), explanation, this.rules.version());
	}

	private String departmentOf(String category) {
		return this.taxonomy.category(category).orElseThrow().department();
	}

	private String appealType(String text) {
		for (KeywordRules.TypeKeywords rule : this.rules.appealTypes()) {
			if (!matches(text, rule.keywords()).isEmpty()) {
				return rule.type();
			}
		}
		return this.rules.defaultAppealType();
	}

	private String priority(String text, String category, String type) {
		if (!matches(text, this.rules.urgentKeywords()).isEmpty()) {
			return "URGENT";
		}
		if (this.rules.highPriorityCategories().contains(category)
				|| !matches(text, this.rules.highPriorityKeywords()).isEmpty()) {
			return "HIGH";
		}
		if ("SUGGESTION".equals(type) || "PRAISE".equals(type)) {
			return "LOW";
		}
		return "NORMAL";
	}

	private List<String> matches(String text, List<String> keywords) {
		return keywords.stream().filter((keyword) -> this.patterns.get(keyword).matcher(text).find()).toList();
	}

	/**
	 * Chinese keywords match anywhere; English ones only as whole words, so that "rent"
	 * does not match "parent".
	 */
	private static Pattern compile(String keyword) {
		String quoted = Pattern.quote(keyword.toLowerCase(Locale.ROOT));
		return keyword.chars().allMatch((c) -> c < 128) ? Pattern.compile("(?<![a-z])" + quoted + "(?![a-z])")
				: Pattern.compile(quoted);
	}

	private static double weight(String keyword) {
		return Math.min(keyword.codePointCount(0, keyword.length()), 4) / 2.0;
	}

	private record Score(String category, List<String> matched, double weight) {

	}

}
