package org.waystation.support;

import org.junit.jupiter.api.Test;
import org.waystation.architecture.ArchitectureRules;
import org.waystation.architecture.ModuleArchitectureTest;

/**
 * The support library keeps the module rules; its edge is the auto-configuration in the
 * root package and the web, security and correlation packages, and nothing else uses web
 * types.
 */
class ArchitectureTest extends ModuleArchitectureTest {

	@Override
	protected String rootPackage() {
		return "org.waystation.support";
	}

	@Test
	void onlyTheEdgeUsesWebTypes() {
		ArchitectureRules
			.domainFreeOfWebTypes(rootPackage(), "org.waystation.support", "..web..", "..security..", "..correlation..")
			.check(classes());
	}

}
