package org.waystation.intake.channel.web;

import java.time.Instant;

import jakarta.annotation.security.PermitAll;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.waystation.intake.channel.SmsChannelProperties;
import org.waystation.intake.channel.SmsInbound;
import org.waystation.support.correlation.CorrelationIds;
import org.waystation.support.privacy.PhoneNumbers;
import org.waystation.support.problem.ProblemException;

/**
 * The SMS provider's webhook: {@code {from, text, messageId, receivedAt}}, signed with
 * {@code X-Signature: sha256=<hex HMAC-SHA256 of the raw body>} under the shared secret.
 * Anyone may call it; only a correctly signed body is read. A part of a long message
 * carries {@code concatRef} (the provider's reference for the whole message),
 * {@code concatPart} (from 1) and {@code concatTotal} (2 to 10).
 */
@RestController
class SmsInboundController {

	static final String SIGNATURE_HEADER = WebhookRequests.SIGNATURE_HEADER;

	private static final int MAX_TEXT = 2000;

	/**
	 * A long message has at most this many parts, each of at most this many characters.
	 */
	private static final int MAX_PARTS = 10;

	private static final int MAX_PART_TEXT = 200;

	private final SmsInbound inbound;

	private final SmsChannelProperties properties;

	private final ObjectMapper json;

	SmsInboundController(SmsInbound inbound, SmsChannelProperties properties, ObjectMapper json) {
		this.inbound = inbound;
		this.properties = properties;
		this.json = json;
	}

	/**
	 * 200 with what the message did ({@code SUBMITTED}, {@code ANSWERED}, {@code RATED},
	 * {@code IGNORED} or {@code WAITING_FOR_PARTS}) and the appeal's tracking code; a
	 * redelivery answers the same with {@code redelivered: true}.
	 */
	@PostMapping(path = "/api/v1/channels/sms/inbound", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PermitAll
	SmsInbound.Outcome receive(@RequestBody byte[] body,
			@RequestHeader(name = SIGNATURE_HEADER, required = false) String signature) {
		if (!this.properties.configured()) {
			throw ProblemException.unavailable("sms-channel-not-configured",
					"The SMS webhook has no secret configured (waystation.channels.sms.secret)", 3600);
		}
		JsonNode message = WebhookRequests.verified(this.json, this.properties.secret(), body, signature);
		String from = PhoneNumbers.normalize(WebhookRequests.string(message, "from", 32))
			.orElseThrow(
					() -> ProblemException.invalid("from", "must be a mainland mobile number such as 13812345678"));
		String messageId = WebhookRequests.id(message, "messageId", 128);
		String raw = WebhookRequests.string(message, "text", MAX_TEXT * 2);
		String text = WebhookRequests.cleanText(raw, MAX_TEXT);
		Instant receivedAt = WebhookRequests.instant(message, "receivedAt");
		JsonNode reference = message.get("concatRef");
		if (reference != null && !reference.isNull()) {
			String ref = WebhookRequests.id(message, "concatRef", 64);
			int total = number(message, "concatTotal", 2, MAX_PARTS);
			int part = number(message, "concatPart", 1, total);
			if (raw.codePointCount(0, raw.length()) > MAX_PART_TEXT) {
				throw ProblemException.invalid("text", "must be at most " + MAX_PART_TEXT + " characters in a part");
			}
			// As sent: a part may end in the middle of a word; the joined text is
			// cleaned.
			return this.inbound.receivePart(from, ref, part, total, raw, receivedAt,
					CorrelationIds.current().orElse(null));
		}
		if (message.has("concatPart") || message.has("concatTotal")) {
			throw ProblemException.invalid("concatRef", "is required with concatPart and concatTotal");
		}
		return this.inbound.receive(from, text, messageId, receivedAt, CorrelationIds.current().orElse(null));
	}

	private static int number(JsonNode message, String field, int min, int max) {
		JsonNode value = message.get(field);
		if (value == null || value.isNull()) {
			throw ProblemException.invalid(field, "is required with concatRef");
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
			throw ProblemException.invalid(field, "must be a whole number from " + min + " to " + max);
		}
		return value.asInt();
	}

}
