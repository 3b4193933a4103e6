package org.waystation.intake.channel.web;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.waystation.support.problem.ProblemException;
import org.waystation.support.text.ChannelText;

/**
 * What the channels' webhooks share: a body signed with
 * {@code X-Signature: sha256=<hex HMAC-SHA256 of the raw body>} under the channel's
 * secret, read as a JSON object with strictly typed fields.
 */
final class WebhookRequests {

	static final String SIGNATURE_HEADER = "X-Signature";

	private WebhookRequests() {
	}

	/** The body as a JSON object, once its signature is checked. */
	static JsonNode verified(ObjectMapper json, String secret, byte[] body, String signature) {
		if (!signedCorrectly(secret, body, signature)) {
			throw ProblemException.unauthorized("invalid-signature",
					"X-Signature must be sha256=<hex HMAC-SHA256 of the raw body under the shared secret>");
		}
		JsonNode message;
		try {
			message = json.readTree(body);
		}
		catch (JacksonException ex) {
			throw ProblemException.invalid("body", "is not valid JSON");
		}
		if (message == null || !message.isObject()) {
			throw ProblemException.invalid("body", "must be a JSON object");
		}
		return message;
	}

	private static boolean signedCorrectly(String secret, byte[] body, String signature) {
		if (signature == null || !signature.toLowerCase(Locale.ROOT).startsWith("sha256=")) {
			return false;
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] expected = HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.US_ASCII);
			byte[] given = signature.substring(7).strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
			return MessageDigest.isEqual(expected, given);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A required string field, not blank, at most {@code maxLength} UTF-16 units. */
	static String string(JsonNode message, String field, int maxLength) {
		JsonNode value = message.get(field);
		if (value == null || value.isNull()) {
			throw ProblemException.invalid(field, "is required");
		}
		if (!value.isString()) {
			throw ProblemException.invalid(field, "must be a string");
		}
		String text = value.asString();
		if (text.isBlank()) {
			throw ProblemException.invalid(field, "is required");
		}
		if (text.length() > maxLength) {
			throw ProblemException.invalid(field, "is too long");
		}
		return text;
	}

	/**
	 * A message's text made fit to store ({@link ChannelText#clean}): refused when
	 * nothing is left, or when more than {@code max} characters are.
	 */
	static String cleanText(String raw, int max) {
		String text = ChannelText.clean(raw);
		if (text.isEmpty()) {
			throw ProblemException.invalid("text", "has nothing but spaces and control characters");
		}
		if (text.codePointCount(0, text.length()) > max) {
			throw ProblemException.invalid("text", "must be at most " + max + " characters");
		}
		return text;
	}

	/** A required id: printable ASCII without spaces. */
	static String id(JsonNode message, String field, int maxLength) {
		String id = string(message, field, maxLength);
		if (!id.matches("[\\x21-\\x7E]+")) {
			throw ProblemException.invalid(field, "must be printable ASCII without spaces");
		}
		return id;
	}

	/** An optional instant, now when absent. */
	static Instant instant(JsonNode message, String field) {
		JsonNode at = message.get(field);
		if (at == null || at.isNull()) {
			return Instant.now();
		}
		try {
			return Instant.parse(at.isString() ? at.asString() : "");
		}
		catch (DateTimeParseException ex) {
			throw ProblemException.invalid(field, "must be an instant such as 2026-12-01T08:30:00Z");
		}
	}

}
