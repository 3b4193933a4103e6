package org.waystation.routing.decision;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.waystation.classifier.AppealClassifier;
import org.waystation.classifier.Classification;
import org.waystation.events.Taxonomy;

/**
 * What routing does with how sure the classifier is.
 * <ul>
 * <li>Sure enough: the rule's department leads, with the assisting departments the
 * classifier found.
 * <li>Not sure: the triage desk decides, with the top-3 suggestions.
 * <li>URGENT: never only a queue. The best guess leads at once (the likeliest real
 * category when the classifier says OTHER); when unsure, the triage desk gets it too to
 * check; a supervisor is alerted either way.
 * </ul>
 */
final class ConfidencePolicy {

	private ConfidencePolicy() {
	}

	record Outcome(String department, String office, List<String> assistingDepartments, String policy, boolean triage,
			Decision.RuleUse rule) {

	}

	static Outcome apply(Classification classification, Function<String, Decision.RuleUse> ruleFor, double threshold) {
		Decision.RuleUse rule = ruleFor.apply(classification.category());
		boolean unsure = classification.confidence() < threshold;
		Set<String> assisting = new LinkedHashSet<>(classification.assistingDepartments());
		String policy;
		if (classification.urgent()) {
			if (Taxonomy.TRIAGE.equals(rule.department())) {
				Optional<Classification.Alternative> guess = classification.alternatives()
					.stream()
					.filter((alternative) -> !AppealClassifier.OTHER.equals(alternative.category()))
					.findFirst();
				if (guess.isPresent()) {
					rule = ruleFor.apply(guess.get().category());
				}
				unsure = true;
			}
			policy = unsure ? Decision.URGENT_BEST_GUESS_AND_TRIAGE : Decision.URGENT;
			if (unsure) {
				assisting.add(Taxonomy.TRIAGE);
			}
		}
		else if (unsure) {
			return new Outcome(Taxonomy.TRIAGE, null, List.of(), Decision.LOW_CONFIDENCE_TRIAGE, true, rule);
		}
		else {
			policy = Decision.AUTO;
		}
		assisting.remove(rule.department());
		boolean triage = Taxonomy.TRIAGE.equals(rule.department()) || assisting.contains(Taxonomy.TRIAGE);
		return new Outcome(rule.department(), rule.office(), List.copyOf(assisting), policy, triage, rule);
	}

}
