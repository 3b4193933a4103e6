package org.waystation.benchmark;

import org.waystation.architecture.ModuleArchitectureTest;

/** The benchmark keeps the module rules: it drives the services from outside. */
class ArchitectureTest extends ModuleArchitectureTest {

	@Override
	protected String rootPackage() {
		return "org.waystation.benchmark";
	}

}
