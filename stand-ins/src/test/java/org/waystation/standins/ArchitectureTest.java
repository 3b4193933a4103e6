package org.waystation.standins;

import org.waystation.architecture.SharedContractArchitectureTest;

/**
 * The stand-ins keep the shared-contract rules: no framework, no cycles. The mail
 * stand-in reads what GreenMail received through the Jakarta Mail API, a library, not a
 * framework.
 */
class ArchitectureTest extends SharedContractArchitectureTest {

	@Override
	protected String rootPackage() {
		return "org.waystation.standins";
	}

	@Override
	protected String[] allowedLibraries() {
		return new String[] { "jakarta.mail.." };
	}

}
