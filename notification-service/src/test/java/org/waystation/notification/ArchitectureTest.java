package org.waystation.notification;

import org.waystation.architecture.ServiceArchitectureTest;

/**
 * The notification service keeps the service rules: features free of cycles, HTTP only in
 * web packages.
 */
class ArchitectureTest extends ServiceArchitectureTest {

	@Override
	protected String rootPackage() {
		return "org.waystation.notification";
	}

}
