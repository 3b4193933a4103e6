package org.waystation.classifier;

import java.util.List;

/**
 * What the classifier made of an appeal, and why.
 *
 * @param department the category's default department (routing rules may choose an office
 * or another department)
 * @param assistingDepartments departments that assist (协办) when the text spans two
 * agencies
 * @param confidence how sure the classifier is of the department: the sum of the
 * probabilities the model gives that department's categories (the category's own is the
 * first alternative's score), or the rule's when a rule decided the category; routing
 * compares it with its threshold
 * @param alternatives the three most likely categories with their probabilities, the
 * chosen category first
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

	/**
	 * Where routing sends the appeal under the default rules (one department per
	 * category): below the confidence threshold to the triage desk; an URGENT appeal
	 * never only to a queue, but to its best guess (the likeliest real category when the
	 * category is OTHER), with the triage desk beside it when unsure.
	 * @param threshold routing's confidence threshold
	 * @return the leading department first, then the triage desk when it also receives
	 * the case
	 */
	public List<String> routedTo(double threshold) {
		boolean unsure = this.confidence < threshold;
		if (urgent()) {
			String lead = this.department;
			if (AppealClassifier.OTHER.equals(this.category)) {
				lead = this.alternatives.stream()
					.filter((alternative) -> !AppealClassifier.OTHER.equals(alternative.category()))
					.map(Alternative::department)
					.findFirst()
					.orElse(this.department);
				unsure = true;
			}
			return (unsure && !lead.equals(TRIAGE)) ? List.of(lead, TRIAGE) : List.of(lead);
		}
		return List.of(unsure ? TRIAGE : this.department);
	}

	private static final String TRIAGE = org.waystation.events.Taxonomy.TRIAGE;

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
