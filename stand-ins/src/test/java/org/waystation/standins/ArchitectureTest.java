package org.waystation.standins;

import org.waystation.architecture.SharedContractArchitectureTest;

/** The stand-ins keep the shared-contract rules: no framework, no cycles. */
class ArchitectureTest extends SharedContractArchitectureTest {

	@Override
	protected String rootPackage() {
		return "org.waystation.standins";
	}

}
