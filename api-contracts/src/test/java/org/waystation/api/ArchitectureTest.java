package org.waystation.api;

import org.waystation.architecture.ModuleArchitectureTest;

/** The edge contracts keep the module rules. */
class ArchitectureTest extends ModuleArchitectureTest {

	@Override
	protected String rootPackage() {
		return "org.waystation.api";
	}

}
