package org.waystation.architecture;

import org.junit.jupiter.api.Test;

/**
 * The rules of a contract or library every service shares (events, the classifier, the
 * stand-ins): besides the module rules, no framework.
 */
public abstract class SharedContractArchitectureTest extends ModuleArchitectureTest {

	@Test
	void usesNoFramework() {
		ArchitectureRules.frameworkFree(rootPackage(), allowedLibraries()).check(classes());
	}

	/**
	 * Packages of a library the module needs although they match a framework's (the mail
	 * API of an SMTP stand-in, for example).
	 */
	protected String[] allowedLibraries() {
		return new String[0];
	}

}
