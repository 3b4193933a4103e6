package org.waystation.standins;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A mail server that delivers nothing: GreenMail takes mail over SMTP (no authentication,
 * any recipient), and {@code GET /mail?to=ADDRESS} on its HTTP port lists what each
 * address received as JSON, oldest first, each with {@code to}, {@code from},
 * {@code subject}, {@code text} and {@code receivedAt}. Mail is kept in memory, until the
 * stand-in stops.
 */
public final class MailStandIn implements AutoCloseable {

	private final GreenMail smtp;

	private final HttpServer http;

	private final ExecutorService executor;

	private MailStandIn(GreenMail smtp, HttpServer http) {
		this.smtp = smtp;
		this.http = http;
		this.executor = Executors.newSingleThreadExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "mail-stand-in");
			thread.setDaemon(true);
			return thread;
		});
		http.setExecutor(this.executor);
		http.createContext("/mail", this::handle);
	}

	/**
	 * Starts SMTP and the HTTP listing on the address and ports (0 for any free one).
	 */
	public static MailStandIn start(String host, int smtpPort, int httpPort) {
		GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, host, ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		try {
			MailStandIn standIn = new MailStandIn(smtp, HttpMessageSink.server(host, httpPort, "mail stand-in"));
			standIn.http.start();
			return standIn;
		}
		catch (RuntimeException ex) {
			smtp.stop();
			throw ex;
		}
	}

	public int smtpPort() {
		return this.smtp.getSmtp().getPort();
	}

	public int httpPort() {
		return this.http.getAddress().getPort();
	}

	/** The mail an address received, oldest first. */
	public List<Mail> to(String address) {
		for (int attempt = 1;; attempt++) {
			try {
				return this.smtp
					.findReceivedMessages((user) -> user.getEmail().equalsIgnoreCase(address.strip()),
							(message) -> true)
					.map((message) -> read(address.strip(), message))
					.toList();
			}
			catch (java.util.ConcurrentModificationException ex) {
				// Mail arrived while the mailboxes were read: read them again.
				if (attempt == 20) {
					throw ex;
				}
				Thread.onSpinWait();
			}
		}
	}

	@Override
	public void close() {
		this.http.stop(0);
		this.executor.shutdownNow();
		this.smtp.stop();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!exchange.getRequestMethod().equals("GET")) {
				HttpMessageSink.respond(exchange, 405, Map.of("error", "use GET"));
				return;
			}
			String to = HttpMessageSink.query(exchange.getRequestURI()).get("to");
			if (to == null || to.isBlank()) {
				HttpMessageSink.respond(exchange, 400, Map.of("error", "to (an email address) is required"));
				return;
			}
			List<Map<String, Object>> body = new ArrayList<>();
			for (Mail mail : to(to)) {
				Map<String, Object> item = new LinkedHashMap<>();
				item.put("to", mail.to());
				item.put("from", mail.from());
				item.put("subject", mail.subject());
				item.put("text", mail.text());
				item.put("receivedAt", (mail.receivedAt() != null) ? mail.receivedAt().toString() : null);
				body.add(item);
			}
			HttpMessageSink.respond(exchange, 200, body);
		}
	}

	private static Mail read(String to, MimeMessage message) {
		try {
			Address[] from = message.getFrom();
			Object content = message.getContent();
			String text = (content instanceof String plain) ? plain : GreenMailUtil.getBody(message);
			Date received = (message.getReceivedDate() != null) ? message.getReceivedDate() : message.getSentDate();
			return new Mail(to, (from != null && from.length > 0) ? from[0].toString() : null, message.getSubject(),
					text, (received != null) ? received.toInstant() : null);
		}
		catch (MessagingException | IOException ex) {
			return new Mail(to, null, null, "(unreadable: " + ex.getMessage() + ")", null);
		}
	}

	/** One mail as received. */
	public record Mail(String to, String from, String subject, String text, Instant receivedAt) {

	}

}
