package org.waystation.testsupport;

import org.waystation.standins.ImSendStandIn;
import org.waystation.standins.MailStandIn;

/**
 * The IM send API and mail server stand-ins the services under test send to, each started
 * once per test JVM when first wanted: tests read what a worker or a member of staff
 * would have received.
 */
public final class TestMessaging {

	public static final String IM_API_KEY = "test-im-api-key";

	private static ImSendStandIn im;

	private static MailStandIn mail;

	private TestMessaging() {
	}

	public static synchronized ImSendStandIn im() {
		if (im == null) {
			im = ImSendStandIn.start("127.0.0.1", 0, IM_API_KEY, null);
			Runtime.getRuntime().addShutdownHook(new Thread(im::close, "test-im-stop"));
		}
		return im;
	}

	/** GreenMail, on a free SMTP port. */
	public static synchronized MailStandIn mail() {
		if (mail == null) {
			mail = MailStandIn.start("127.0.0.1", 0, 0);
			Runtime.getRuntime().addShutdownHook(new Thread(mail::close, "test-mail-stop"));
		}
		return mail;
	}

}
