package org.waystation.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The rules every module keeps. A module's {@code ArchitectureTest} extends this (or one
 * of its kinds) and names its root package; the rules then run over the module's own
 * classes in {@code ./mvnw verify}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ModuleArchitectureTest {

	private JavaClasses classes;

	/** The module's root package, for example {@code org.waystation.routing}. */
	protected abstract String rootPackage();

	@BeforeAll
	void importClasses() {
		this.classes = ArchitectureRules.mainClasses(rootPackage());
	}

	protected JavaClasses classes() {
		return this.classes;
	}

	@Test
	void featuresAndRootAreFreeOfCycles() {
		ArchitectureRules.featuresFreeOfCycles(rootPackage()).check(this.classes);
	}

	@Test
	void dependsOnNoOtherService() {
		ArchitectureRules.noOtherService(rootPackage()).check(this.classes);
	}

}
