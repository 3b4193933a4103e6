package org.waystation.events;

import org.waystation.architecture.SharedContractArchitectureTest;

/** The event contracts keep the shared-contract rules: no framework, no cycles. */
class ArchitectureTest extends SharedContractArchitectureTest {

	@Override
	protected String rootPackage() {
		return "org.waystation.events";
	}

}
