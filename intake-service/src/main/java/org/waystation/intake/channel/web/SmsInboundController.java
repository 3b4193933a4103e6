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

import jakarta.annotation.security.PermitAll;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.waystation.support.text.ChannelText;
import org.waystation.intake.channel.SmsChannelProperties;
import org.waystation.intake.channel.SmsInbound;
import org.waystation.support.correlation.CorrelationIds;
import org.waystation.support.privacy.PhoneNumbers;
import org.waystation.support.problem.ProblemException;

/**
 * The SMS provider's webhook: {@code {from, text, messageId, receivedAt}}, signed with
 * {@code X-Signature: sha256=<hex HMAC-SHA256 of the raw body>} under the shared secret.
 * Anyone may call it; only a correctly signed body is read.
 */
@RestController
class SmsInboundController {

	static final String SIGNATURE_HEADER = "X-Signature";

	private static final int MAX_TEXT = 2000;

	private final SmsInbound inbound;

	private final SmsChannelProperties properties;

	private final ObjectMapper json;

	SmsInboundController(SmsInbound inbound, SmsChannelProperties properties, ObjectMapper json) {
		this.inbound = inbound;
		this.properties = properties;
		this.json = json;
	}

	/**
	 * 200 with what the message did ({@code SUBMITTED}, {@code ANSWERED}, {@code RATED}
	 * or {@code IGNORED}) and the appeal's tracking code; a redelivery answers the same
	 * with {@code redelivered: true}.
	 */
	@PostMapping(path = "/api/v1/channels/sms/inbound", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PermitAll
	SmsInbound.Outcome receive(@RequestBody byte[] body,
			@RequestHeader(name = SIGNATURE_HEADER, required = false) String signature) {
		if (!this.properties.configured()) {
			throw ProblemException.unavailable("sms-channel-not-configured",
					"The SMS webhook has no secret configured (waystation.channels.sms.secret)", 3600);
		}
		if (!signedCorrectly(body, signature)) {
			throw ProblemException.unauthorized("invalid-signature",
					"X-Signature must be sha256=<hex HMAC-SHA256 of the raw body under the shared secret>");
		}
		JsonNode message;
		try {
			message = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			throw ProblemException.invalid("body", "is not valid JSON");
		}
		if (message == null || !message.isObject()) {
			throw ProblemException.invalid("body", "must be a JSON object");
		}
		String from = PhoneNumbers.normalize(string(message, "from", 32))
			.orElseThrow(
					() -> ProblemException.invalid("from", "must be a mainland mobile number such as 13812345678"));
		String messageId = string(message, "messageId", 128);
		if (!messageId.matches("[\\x21-\\x7E]+")) {
			throw ProblemException.invalid("messageId", "must be printable ASCII without spaces");
		}
		String text = ChannelText.clean(string(message, "text", MAX_TEXT * 2));
		if (text.isEmpty()) {
			throw ProblemException.invalid("text", "has nothing but spaces and control characters");
		}
		if (text.codePointCount(0, text.length()) > MAX_TEXT) {
			throw ProblemException.invalid("text", "must be at most 2000 characters");
		}
		Instant receivedAt = Instant.now();
		JsonNode at = message.get("receivedAt");
		if (at != null && !at.isNull()) {
			try {
				receivedAt = Instant.parse(at.isString() ? at.asString() : "");
			}
			catch (DateTimeParseException ex) {
				throw ProblemException.invalid("receivedAt", "must be an instant such as 2026-12-01T08:30:00Z");
			}
		}
		return this.inbound.receive(from, text, messageId, receivedAt, CorrelationIds.current().orElse(null));
	}

	private boolean signedCorrectly(byte[] body, String signature) {
		if (signature == null || !signature.toLowerCase(Locale.ROOT).startsWith("sha256=")) {
			return false;
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.properties.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] expected = HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.US_ASCII);
			byte[] given = signature.substring(7).strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
			return MessageDigest.isEqual(expected, given);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String string(JsonNode message, String field, int maxLength) {
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

}
