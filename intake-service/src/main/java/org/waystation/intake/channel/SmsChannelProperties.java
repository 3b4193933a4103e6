package org.waystation.intake.channel;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SMS provider's inbound webhook.
 *
 * @param secret the key the provider signs each request body with (HMAC-SHA256); without
 * one the webhook refuses every request
 */
@ConfigurationProperties("waystation.channels.sms")
public record SmsChannelProperties(String secret) {

	public boolean configured() {
		return this.secret != null && !this.secret.isBlank();
	}

}
