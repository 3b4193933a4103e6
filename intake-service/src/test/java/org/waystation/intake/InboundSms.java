package org.waystation.intake;

import org.waystation.testsupport.WebhookSignature;

/**
 * What the tests' SMS provider (and IM relay) share with intake-service: the secrets, and
 * the signature each puts on its webhook requests.
 */
final class InboundSms {

	static final String SECRET = "provider-shared-secret";

	static final String SECRET_PROPERTY = "waystation.channels.sms.secret=" + SECRET;

	/**
	 * A long message's missing parts are waited for 2 seconds, looked for every second.
	 */
	static final String PARTS_WAIT_PROPERTY = "waystation.channels.sms.parts-wait=2s";

	static final String PARTS_CHECK_PROPERTY = "waystation.channels.sms.parts-check=1s";

	/** The instant-messaging relay signs with a secret of its own. */
	static final String IM_SECRET = "im-relay-secret";

	static final String IM_SECRET_PROPERTY = "waystation.channels.im.secret=" + IM_SECRET;

	private InboundSms() {
	}

	/** The {@code X-Signature} header's value for an IM relay's body. */
	static String imSignature(String body) {
		return WebhookSignature.of(IM_SECRET, body);
	}

	/** The {@code X-Signature} header's value for the body. */
	static String signature(String body) {
		return WebhookSignature.of(SECRET, body);
	}

}
