package org.waystation.architecture;

import org.junit.jupiter.api.Test;

/**
 * The rules of a contract or library every service shares (events, the classifier, the
 * stand-ins): besides the module rules, no framework.
 */
public abstract class SharedContractArchitectureTest extends ModuleArchitectureTest {

	@Test
	void usesNoFramework() {
		ArchitectureRules.frameworkFree(rootPackage()).check(classes());
	}

}
