package org.waystation.standins;

import java.nio.file.Path;

import com.sun.net.httpserver.HttpServer;

/**
 * The send API of an instant-messaging service account, delivering nothing: it takes
 * messages as Waystation's IM provider sends them ({@code POST /im} with {@code {to,
 * text, purpose}}, {@code to} being the user id the service gave the worker, and
 * {@code Authorization: Bearer <key>}), keeps them (in a file, when given one) and lists
 * them as JSON at {@code GET /im?to=USER}, newest last.
 */
public final class ImSendStandIn extends HttpMessageSink {

	private ImSendStandIn(HttpServer server, String apiKey, Path store) {
		super(server, "im-stand-in", "/im", apiKey, store, String::strip);
	}

	/**
	 * Starts it on the address and port (0 for any free one).
	 * @param store the file messages are kept in, or null to keep them in memory only
	 */
	public static ImSendStandIn start(String host, int port, String apiKey, Path store) {
		ImSendStandIn standIn = new ImSendStandIn(server(host, port, "IM stand-in"), apiKey, store);
		standIn.begin();
		return standIn;
	}

}
