package org.waystation.architecture;

import org.junit.jupiter.api.Test;

/**
 * The rules of a service with a domain: besides the module rules, HTTP stays in the
 * {@code web} packages.
 */
public abstract class ServiceArchitectureTest extends ModuleArchitectureTest {

	@Test
	void webAdaptersOnlyAtTheEdge() {
		ArchitectureRules.webAdaptersOnlyAtTheEdge(rootPackage()).check(classes());
	}

	@Test
	void controllersLiveInWebPackages() {
		ArchitectureRules.controllersInWebPackages(rootPackage()).check(classes());
	}

	@Test
	void domainIsFreeOfWebTypes() {
		ArchitectureRules.domainFreeOfWebTypes(rootPackage()).check(classes());
	}

}
