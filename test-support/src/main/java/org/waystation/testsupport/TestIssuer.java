package org.waystation.testsupport;

import org.waystation.standins.IssuerStandIn;

/**
 * The token issuer of the services under test, started once per test JVM; the
 * infrastructure initializer makes every service trust it.
 */
public final class TestIssuer {

	private static IssuerStandIn instance;

	private TestIssuer() {
	}

	public static synchronized IssuerStandIn get() {
		if (instance == null) {
			instance = new IssuerStandIn();
		}
		return instance;
	}

}
