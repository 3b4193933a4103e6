package org.waystation.intake;

import org.waystation.testsupport.WebhookSignature;

/**
 * What the tests' SMS provider shares with intake-service: the secret, and the signature
 * it puts on each webhook request.
 */
final class InboundSms {

	static final String SECRET = "provider-shared-secret";

	static final String SECRET_PROPERTY = "waystation.channels.sms.secret=" + SECRET;

	/**
	 * A long message's missing parts are waited for 2 seconds, looked for every second.
	 */
	static final String PARTS_WAIT_PROPERTY = "waystation.channels.sms.parts-wait=2s";

	static final String PARTS_CHECK_PROPERTY = "waystation.channels.sms.parts-check=1s";

	private InboundSms() {
	}

	/** The {@code X-Signature} header's value for the body. */
	static String signature(String body) {
		return WebhookSignature.of(SECRET, body);
	}

}
