package org.waystation.standins;

import java.nio.file.Path;

import com.sun.net.httpserver.HttpServer;

/**
 * An SMS gateway that sends nothing: it takes messages as Waystation's HTTP SMS provider
 * sends them ({@code POST /sms} with {@code {to, text, purpose}} and
 * {@code Authorization: Bearer <key>}), keeps them (in a file, when given one, so they
 * survive a restart) and lists them as JSON at {@code GET /sms?to=PHONE}, newest last,
 * each with {@code to}, {@code text} and {@code sentAt}: a person can read the code they
 * were sent.
 */
public final class SmsGatewayStandIn extends HttpMessageSink {

	private SmsGatewayStandIn(HttpServer server, String apiKey, Path store) {
		super(server, "sms-stand-in", "/sms", apiKey, store, SmsGatewayStandIn::canonical);
	}

	/**
	 * Starts it on the address and port (0 for any free one).
	 * @param store the file messages are kept in, or null to keep them in memory only
	 */
	public static SmsGatewayStandIn start(String host, int port, String apiKey, Path store) {
		SmsGatewayStandIn standIn = new SmsGatewayStandIn(server(host, port, "SMS stand-in"), apiKey, store);
		standIn.begin();
		return standIn;
	}

	/** A phone number as digits only, without the country code. */
	static String canonical(String phone) {
		String digits = phone.replaceAll("[^0-9+]", "");
		if (digits.startsWith("+86")) {
			return digits.substring(3);
		}
		if (digits.startsWith("0086")) {
			return digits.substring(4);
		}
		return digits.replace("+", "");
	}

}
