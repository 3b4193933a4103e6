package org.waystation.department;

import org.waystation.architecture.ServiceArchitectureTest;

/**
 * The department service keeps the service rules: features free of cycles, HTTP only in
 * web packages.
 */
class ArchitectureTest extends ServiceArchitectureTest {

	@Override
	protected String rootPackage() {
		return "org.waystation.department";
	}

}
