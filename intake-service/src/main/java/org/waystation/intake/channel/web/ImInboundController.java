package org.waystation.intake.channel.web;

import jakarta.annotation.security.PermitAll;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.waystation.intake.channel.ImChannelProperties;
import org.waystation.intake.channel.ImInbound;
import org.waystation.support.correlation.CorrelationIds;
import org.waystation.support.problem.ProblemException;

/**
 * The instant-messaging relay's webhook: {@code {userId, text, messageId, receivedAt}},
 * signed like the SMS webhook but under its own secret
 * ({@code waystation.channels.im.secret}). The answer carries the reply for the chat.
 */
@RestController
class ImInboundController {

	private static final int MAX_TEXT = 2000;

	private final ImInbound inbound;

	private final ImChannelProperties properties;

	private final ObjectMapper json;

	ImInboundController(ImInbound inbound, ImChannelProperties properties, ObjectMapper json) {
		this.inbound = inbound;
		this.properties = properties;
		this.json = json;
	}

	/**
	 * 200 with what the message did ({@code PHONE_REQUESTED}, {@code PHONE_BOUND},
	 * {@code SUBMITTED}, {@code ANSWERED}, {@code RATED} or {@code IGNORED}), the
	 * tracking code and the {@code reply} to show in the chat; a redelivery answers the
	 * same with {@code redelivered: true}.
	 */
	@PostMapping(path = "/api/v1/channels/im/inbound", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PermitAll
	ImInbound.Outcome receive(@RequestBody byte[] body,
			@RequestHeader(name = WebhookRequests.SIGNATURE_HEADER, required = false) String signature) {
		if (!this.properties.configured()) {
			throw ProblemException.unavailable("im-channel-not-configured",
					"The IM webhook has no secret configured (waystation.channels.im.secret)", 3600);
		}
		JsonNode message = WebhookRequests.verified(this.json, this.properties.secret(), body, signature);
		String userId = WebhookRequests.id(message, "userId", 128);
		String messageId = WebhookRequests.id(message, "messageId", 128);
		String text = WebhookRequests.cleanText(WebhookRequests.string(message, "text", MAX_TEXT * 2), MAX_TEXT);
		return this.inbound.receive(userId, text, messageId, WebhookRequests.instant(message, "receivedAt"),
				CorrelationIds.current().orElse(null));
	}

}
