package org.waystation.local;

import org.waystation.architecture.ModuleArchitectureTest;

/**
 * The launcher keeps the module rules: it starts the services, it does not use their
 * code.
 */
class ArchitectureTest extends ModuleArchitectureTest {

	@Override
	protected String rootPackage() {
		return "org.waystation.local";
	}

}
