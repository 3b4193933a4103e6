package org.waystation.faults;

import org.waystation.architecture.ModuleArchitectureTest;

/** The harness keeps the module rules: it drives the stack from outside. */
class ArchitectureTest extends ModuleArchitectureTest {

	@Override
	protected String rootPackage() {
		return "org.waystation.faults";
	}

}
