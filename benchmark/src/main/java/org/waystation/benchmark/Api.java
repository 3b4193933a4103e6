package org.waystation.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stack's API as its people call it through the gateway: signed in with the local
 * stack's demo accounts (staff) or a code texted to the SMS stand-in (a worker), each
 * token renewed before it expires.
 */
final class Api {

	/** The local stack's demo accounts' password. */
	private static final String DEMO_PASSWORD = "waystation-demo";

	/** Access tokens live 15 minutes: sign in again well before. */
	private static final long TOKEN_NANOS = Duration.ofMinutes(10).toNanos();

	private static final Pattern CODE = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)");

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String gateway;

	private final String sms;

	private final Map<String, Token> tokens = new ConcurrentHashMap<>();

	Api(String gateway, String sms) {
		this.gateway = gateway;
		this.sms = sms;
	}

	/** A call's answer. */
	record Answer(int status, String body) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

		boolean ok() {
			return this.status >= 200 && this.status < 300;
		}

	}

	Answer get(String account, String path) {
		return send(account, HttpRequest.newBuilder(URI.create(this.gateway + path)).GET());
	}

	/** A POST as the account, or without signing in when it is null. */
	Answer post(String account, String path, String json) {
		return send(account,
				HttpRequest.newBuilder(URI.create(this.gateway + path))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

	/** An appeal submitted as a worker does, without signing in. */
	Answer submit(String json) {
		return send(null,
				HttpRequest.newBuilder(URI.create(this.gateway + "/api/v1/appeals"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

	private Answer send(String account, HttpRequest.Builder request) {
		request.timeout(Duration.ofSeconds(30));
		if (account != null) {
			request.header("Authorization", "Bearer " + token(account));
		}
		try {
			HttpResponse<String> response = this.client.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Answer(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			return new Answer(-1, String.valueOf(ex.getMessage()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	/**
	 * A token for a demo account by its username, or for a worker by "worker:" and the
	 * phone.
	 */
	private String token(String account) {
		Token token = this.tokens.get(account);
		if (token == null || System.nanoTime() - token.issuedNanos > TOKEN_NANOS) {
			token = new Token(account.startsWith("worker:") ? signInWorker(account.substring(7)) : signIn(account),
					System.nanoTime());
			this.tokens.put(account, token);
		}
		return token.value;
	}

	private String signIn(String username) {
		return tokenOf(
				post(null, "/api/v1/auth/login",
						JSON.createObjectNode().put("username", username).put("password", DEMO_PASSWORD).toString()),
				username);
	}

	private String signInWorker(String phone) {
		Answer sent = post(null, "/api/v1/auth/otp", JSON.createObjectNode().put("phone", phone).toString());
		if (!sent.ok()) {
			throw new IllegalStateException("No code sent to the worker " + phone + ": " + sent);
		}
		Answer texts = send(null, HttpRequest.newBuilder(URI.create(this.sms + "/sms?to=" + phone)).GET());
		String code = null;
		for (JsonNode text : texts.json()) {
			Matcher matcher = CODE.matcher(text.path("text").asString(""));
			if (matcher.find()) {
				code = matcher.group(1);
			}
		}
		if (code == null) {
			throw new IllegalStateException("The SMS stand-in holds no code for " + phone);
		}
		return tokenOf(post(null, "/api/v1/auth/otp/verify",
				JSON.createObjectNode().put("phone", phone).put("code", code).toString()), phone);
	}

	private static String tokenOf(Answer answer, String who) {
		if (!answer.ok()) {
			throw new IllegalStateException("Sign-in of " + who + " refused: " + answer);
		}
		return answer.json().path("token").asString();
	}

	private record Token(String value, long issuedNanos) {

	}

}
