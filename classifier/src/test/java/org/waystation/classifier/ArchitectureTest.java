package org.waystation.classifier;

import org.waystation.architecture.SharedContractArchitectureTest;

/** The classifier keeps the shared-contract rules: no framework, no cycles. */
class ArchitectureTest extends SharedContractArchitectureTest {

	@Override
	protected String rootPackage() {
		return "org.waystation.classifier";
	}

}
