package org.waystation.architecture;

import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The boundaries of a Waystation module, as rules over its own compiled classes.
 *
 * <p>
 * A module is organised by feature: its root package holds the application class and its
 * settings, and each feature is a package below it ({@code cases}, {@code sla},
 * {@code decision}, ...). A feature's HTTP adapter sits in its {@code web} subpackage,
 * the edge: nothing else in the module depends on it, and nothing outside it uses
 * servlet, Spring MVC or HTTP types.
 */
public final class ArchitectureRules {

	/** The root package of every module that is a deployable service. */
	public static final List<String> SERVICE_ROOTS = List.of("org.waystation.intake", "org.waystation.routing",
			"org.waystation.department", "org.waystation.notification", "org.waystation.identity",
			"org.waystation.gateway");

	/**
	 * Packages of the frameworks and clients that shared contracts and libraries keep
	 * away from.
	 */
	private static final String[] FRAMEWORKS = { "org.springframework..", "jakarta..", "javax.servlet..",
			"org.apache.kafka..", "com.mongodb..", "org.bson..", "io.micrometer..", "reactor.." };

	/**
	 * Packages of the web layer: servlet, Spring MVC and WebFlux, HTTP, the shared web
	 * support.
	 */
	private static final String[] WEB_TYPES = { "jakarta.servlet..", "org.springframework.web..",
			"org.springframework.http..", "org.springframework.security.web..", "org.waystation.support.web.." };

	private ArchitectureRules() {
	}

	/** The production classes of one module: its root package and everything below. */
	public static JavaClasses mainClasses(String rootPackage) {
		return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
			.importPackages(rootPackage);
	}

	/**
	 * The root package and the features below it depend on one another in one direction
	 * only: no cycle between two features, nor between a feature and the root.
	 */
	public static ArchRule featuresFreeOfCycles(String rootPackage) {
		return slices().assignedFrom(featuresOf(rootPackage))
			.should()
			.beFreeOfCycles()
			.because("a feature is understood, changed and tested without the ones that use it");
	}

	/** A module does not reach into a service module other than itself. */
	public static ArchRule noOtherService(String rootPackage) {
		String[] others = SERVICE_ROOTS.stream()
			.filter((root) -> !root.equals(rootPackage))
			.map((root) -> root + "..")
			.toArray(String[]::new);
		return noClasses().that()
			.resideInAPackage(rootPackage + "..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(others)
			.because("services share only the event contracts, the classifier and the support library");
	}

	/** Only a feature's {@code web} package may use the module's own web adapters. */
	public static ArchRule webAdaptersOnlyAtTheEdge(String rootPackage) {
		return noClasses().that()
			.resideInAPackage(rootPackage + "..")
			.and()
			.resideOutsideOfPackage("..web..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(rootPackage + "..web..")
			.allowEmptyShould(true)
			.because("the web layer is an adapter on the domain, never a part of it");
	}

	/** Controllers live in a feature's {@code web} package. */
	public static ArchRule controllersInWebPackages(String rootPackage) {
		return classes().that()
			.resideInAPackage(rootPackage + "..")
			.and()
			.areMetaAnnotatedWith("org.springframework.stereotype.Controller")
			.should()
			.resideInAPackage("..web..")
			.allowEmptyShould(true);
	}

	/**
	 * Code outside the given edge packages uses no servlet, Spring MVC, HTTP or shared
	 * web types: domain classes are called from the web, they do not know it.
	 */
	public static ArchRule domainFreeOfWebTypes(String rootPackage, String... edgePackages) {
		String[] edges = edgePackages.length == 0 ? new String[] { "..web.." } : edgePackages;
		return noClasses().that()
			.resideInAPackage(rootPackage + "..")
			.and()
			.resideOutsideOfPackages(edges)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(WEB_TYPES)
			.allowEmptyShould(true)
			.because("domain exceptions and values are mapped to HTTP in one place, the web layer");
	}

	/**
	 * A shared contract or library uses no framework: any service can take it as it is.
	 */
	public static ArchRule frameworkFree(String rootPackage, String... allowed) {
		DescribedPredicate<JavaClass> framework = JavaClass.Predicates.resideInAnyPackage(FRAMEWORKS);
		if (allowed.length > 0) {
			framework = framework.and(DescribedPredicate.not(JavaClass.Predicates.resideInAnyPackage(allowed)));
		}
		return noClasses().that()
			.resideInAPackage(rootPackage + "..")
			.should()
			.dependOnClassesThat(framework)
			.because("shared contracts are read by every service and must not pull a framework into them");
	}

	/**
	 * Slices of a module: its root package is one, each package directly below it (with
	 * its subpackages) another.
	 */
	static SliceAssignment featuresOf(String rootPackage) {
		return new SliceAssignment() {
			@Override
			public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
				String name = javaClass.getPackageName();
				if (name.equals(rootPackage)) {
					return SliceIdentifier.of("(root)");
				}
				if (!name.startsWith(rootPackage + ".")) {
					return SliceIdentifier.ignore();
				}
				String feature = name.substring(rootPackage.length() + 1).split("\\.")[0];
				return SliceIdentifier.of(feature);
			}

			@Override
			public String getDescription() {
				return "the root package and the features of " + rootPackage;
			}
		};
	}

}
