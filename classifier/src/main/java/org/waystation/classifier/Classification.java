package org.waystation.classifier;

import java.util.List;

/**
 * What the classifier made of an appeal, and why.
 *
 * @param department the category's default department (routing rules may choose an office
 * or another department)
 * @param assistingDepartments departments that assist (协办) when the text spans two
 * agencies
 * @param confidence the probability the model gives the category, or the rule's when a
 * rule decided it
 * @param alternatives the three most likely categories with their probabilities
 * @param words the text's words, for duplicate detection and topic clustering
 */
public record Classification(String category, String department, List<String> assistingDepartments, String appealType,
		String priority, double confidence, List<Alternative> alternatives, Explanation explanation, List<String> words,
		String modelVersion, String rulesVersion) {

	public Classification {
		assistingDepartments = List.copyOf(assistingDepartments);
		alternatives = List.copyOf(alternatives);
		words = List.copyOf(words);
	}

	public boolean urgent() {
		return "URGENT".equals(this.priority);
	}

	public record Alternative(String category, String department, double score) {

	}

	/**
	 * @param rules the rules that fired
	 * @param terms the words that weighed most towards the category
	 * @param zh the explanation for people, in Chinese
	 * @param en the same in English
	 */
	public record Explanation(List<FiredRule> rules, List<WeightedTerm> terms, String zh, String en) {

		public Explanation {
			rules = List.copyOf(rules);
			terms = List.copyOf(terms);
		}

	}

	public record FiredRule(String id, String kind, String zh, String en, String matched) {

	}

	public record WeightedTerm(String term, double weight) {

	}

}
