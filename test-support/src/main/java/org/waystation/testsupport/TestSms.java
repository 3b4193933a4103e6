package org.waystation.testsupport;

import org.waystation.standins.SmsGatewayStandIn;

/**
 * The SMS gateway stand-in the services under test send to, started once per test JVM:
 * tests read the messages a worker would have received.
 */
public final class TestSms {

	public static final String API_KEY = "test-sms-api-key";

	private static SmsGatewayStandIn instance;

	private TestSms() {
	}

	public static synchronized SmsGatewayStandIn get() {
		if (instance == null) {
			instance = SmsGatewayStandIn.start("127.0.0.1", 0, API_KEY, null);
			Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "test-sms-stop"));
		}
		return instance;
	}

}
