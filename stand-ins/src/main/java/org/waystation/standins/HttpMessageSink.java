package org.waystation.standins;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A messaging provider's HTTP send API that delivers nothing: it takes messages
 * ({@code POST <path>} with {@code {to, text, purpose}} as JSON and
 * {@code Authorization: Bearer <key>}), keeps them (in a file, when given one, so they
 * survive a restart) and lists them as JSON at {@code GET <path>?to=RECIPIENT}, newest
 * last, each with {@code to}, {@code text}, {@code purpose} and {@code sentAt}: a person
 * can read what they were sent.
 */
public abstract class HttpMessageSink implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int MAX_BODY = 16 * 1024;

	private final HttpServer server;

	private final ExecutorService executor;

	private final byte[] apiKey;

	private final Path store;

	private final List<Message> messages = new CopyOnWriteArrayList<>();

	private final String path;

	private final UnaryOperator<String> canonical;

	/**
	 * @param name names the server's threads
	 * @param path where messages are posted and listed
	 * @param canonical the one spelling of a recipient, so that every spelling lists the
	 * same messages
	 */
	protected HttpMessageSink(HttpServer server, String name, String path, String apiKey, Path store,
			UnaryOperator<String> canonical) {
		this.server = server;
		this.path = path;
		this.canonical = canonical;
		this.apiKey = apiKey.getBytes(StandardCharsets.UTF_8);
		this.store = store;
		this.executor = Executors.newFixedThreadPool(2, (runnable) -> {
			Thread thread = new Thread(runnable, name);
			thread.setDaemon(true);
			return thread;
		});
		server.setExecutor(this.executor);
		server.createContext(path, this::handle);
	}

	/** Loads what was kept and starts serving. */
	protected final void begin() {
		try {
			load();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the messages kept in " + this.store, ex);
		}
		this.server.start();
	}

	/** A server on the address and port (0 for any free one). */
	protected static HttpServer server(String host, int port, String what) {
		try {
			return HttpServer.create(new InetSocketAddress(host, port), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the " + what + " on " + host + ":" + port, ex);
		}
	}

	/** The URL senders post to. */
	public URI sendUrl() {
		InetSocketAddress address = this.server.getAddress();
		return URI.create("http://" + address.getHostString() + ":" + address.getPort() + this.path);
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	/** The messages sent to a recipient, oldest first. */
	public List<Message> to(String recipient) {
		String wanted = this.canonical.apply(recipient);
		return this.messages.stream().filter((message) -> message.to().equals(wanted)).toList();
	}

	/** Every message received, oldest first. */
	public List<Message> all() {
		return List.copyOf(this.messages);
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			switch (exchange.getRequestMethod()) {
				case "POST" -> receive(exchange);
				case "GET" -> list(exchange);
				default -> respond(exchange, 405, Map.of("error", "use GET or POST"));
			}
		}
	}

	private void receive(HttpExchange exchange) throws IOException {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		byte[] presented = (authorization != null && authorization.startsWith("Bearer "))
				? authorization.substring(7).getBytes(StandardCharsets.UTF_8) : new byte[0];
		if (!MessageDigest.isEqual(presented, this.apiKey)) {
			respond(exchange, 401, Map.of("error", "wrong or missing API key"));
			return;
		}
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = in.readNBytes(MAX_BODY + 1);
		}
		if (body.length > MAX_BODY) {
			respond(exchange, 413, Map.of("error", "message too large"));
			return;
		}
		JsonNode json;
		try {
			json = JSON.readTree(body);
		}
		catch (JacksonException ex) {
			respond(exchange, 400, Map.of("error", "body is not JSON"));
			return;
		}
		if (json == null || !json.path("to").isString() || !json.path("text").isString()) {
			respond(exchange, 400, Map.of("error", "to and text are required"));
			return;
		}
		if (json.get("to").asString().isBlank()) {
			respond(exchange, 400, Map.of("error", "to must not be blank"));
			return;
		}
		Message message = new Message(this.canonical.apply(json.get("to").asString()), json.get("text").asString(),
				json.path("purpose").isString() ? json.get("purpose").asString() : null, Instant.now());
		this.messages.add(message);
		save(message);
		respond(exchange, 202, Map.of("accepted", true));
	}

	private void list(HttpExchange exchange) throws IOException {
		String to = query(exchange.getRequestURI()).get("to");
		List<Message> found = (to != null) ? to(to) : all();
		List<Map<String, Object>> body = new ArrayList<>();
		for (Message message : found) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("to", message.to());
			item.put("text", message.text());
			item.put("purpose", message.purpose());
			item.put("sentAt", message.sentAt().toString());
			body.add(item);
		}
		respond(exchange, 200, body);
	}

	static Map<String, String> query(URI uri) {
		Map<String, String> values = new LinkedHashMap<>();
		if (uri.getRawQuery() != null) {
			for (String pair : uri.getRawQuery().split("&")) {
				int equals = pair.indexOf('=');
				if (equals > 0) {
					values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
							URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
				}
			}
		}
		return values;
	}

	static void respond(HttpExchange exchange, int status, Object body) throws IOException {
		byte[] bytes = JSON.writeValueAsBytes(body);
		exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private void load() throws IOException {
		if (this.store == null || !Files.exists(this.store)) {
			return;
		}
		for (String line : Files.readAllLines(this.store, StandardCharsets.UTF_8)) {
			if (!line.isBlank()) {
				JsonNode json = JSON.readTree(line);
				this.messages.add(new Message(json.get("to").asString(), json.get("text").asString(),
						json.path("purpose").isString() ? json.get("purpose").asString() : null,
						Instant.parse(json.get("sentAt").asString())));
			}
		}
	}

	private synchronized void save(Message message) throws IOException {
		if (this.store == null) {
			return;
		}
		Files.createDirectories(this.store.getParent());
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("to", message.to());
		line.put("text", message.text());
		line.put("purpose", message.purpose());
		line.put("sentAt", message.sentAt().toString());
		Files.writeString(this.store, JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
				StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}

	/** One message as the provider took it. */
	public record Message(String to, String text, String purpose, Instant sentAt) {

	}

}
