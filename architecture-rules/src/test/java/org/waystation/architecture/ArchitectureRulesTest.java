package org.waystation.architecture;

import java.util.function.Function;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each rule passes a module that keeps it and fails one that breaks it, naming the class
 * that does.
 */
class ArchitectureRulesTest {

	private static final String GOOD = "org.waystation.archfixture.good";

	private static final String BAD = "org.waystation.archfixture.bad";

	@ParameterizedTest
	@CsvSource({ "cycles, Deadline", "other-service, CaseService", "web-at-edge, CaseService",
			"controllers, StrayController", "domain-web-types, CaseService", "framework-free, Case" })
	void ruleHoldsForAModuleThatKeepsItAndFailsOneThatBreaksIt(String rule, String offender) {
		Function<String, ArchRule> of = switch (rule) {
			case "cycles" -> ArchitectureRules::featuresFreeOfCycles;
			case "other-service" -> ArchitectureRules::noOtherService;
			case "web-at-edge" -> ArchitectureRules::webAdaptersOnlyAtTheEdge;
			case "controllers" -> ArchitectureRules::controllersInWebPackages;
			case "domain-web-types" -> ArchitectureRules::domainFreeOfWebTypes;
			// The good module's contract is its sla package; the bad one's cases use
			// Spring.
			default -> (root) -> ArchitectureRules.frameworkFree(root + (root.equals(GOOD) ? ".sla" : ".cases"));
		};

		EvaluationResult good = of.apply(GOOD).evaluate(classesOf(GOOD));
		EvaluationResult bad = of.apply(BAD).evaluate(classesOf(BAD));

		assertThat(good.hasViolation()).as(good.getFailureReport().toString()).isFalse();
		assertThat(bad.hasViolation()).isTrue();
		assertThat(bad.getFailureReport().toString()).contains(BAD + ".").contains(offender);
	}

	private static JavaClasses classesOf(String root) {
		return new ClassFileImporter().importPackages(root);
	}

}
