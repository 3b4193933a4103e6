package org.waystation.store;

import org.waystation.architecture.ModuleArchitectureTest;

/** The store keeps the module rules: it knows no service. */
class ArchitectureTest extends ModuleArchitectureTest {

	@Override
	protected String rootPackage() {
		return "org.waystation.store";
	}

}
