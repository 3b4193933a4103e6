package org.waystation.testsupport;

import org.waystation.architecture.ModuleArchitectureTest;

/** The test support keeps the module rules. */
class ArchitectureTest extends ModuleArchitectureTest {

	@Override
	protected String rootPackage() {
		return "org.waystation.testsupport";
	}

}
