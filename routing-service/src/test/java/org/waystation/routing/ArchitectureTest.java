package org.waystation.routing;

import org.waystation.architecture.ServiceArchitectureTest;

/**
 * The routing service keeps the service rules: features free of cycles, HTTP only in web
 * packages.
 */
class ArchitectureTest extends ServiceArchitectureTest {

	@Override
	protected String rootPackage() {
		return "org.waystation.routing";
	}

}
