package org.waystation.gateway;

import org.waystation.architecture.ModuleArchitectureTest;

/**
 * The gateway keeps the module rules; all of it is edge, so the web rules do not apply.
 */
class ArchitectureTest extends ModuleArchitectureTest {

	@Override
	protected String rootPackage() {
		return "org.waystation.gateway";
	}

}
