package org.waystation.intake.channel;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The instant-messaging service account's inbound webhook (a WeChat official account or
 * an enterprise WeChat application, through the platform's relay).
 *
 * @param secret the key the relay signs each request body with (HMAC-SHA256), not the SMS
 * provider's; without one the webhook refuses every request
 */
@ConfigurationProperties("waystation.channels.im")
public record ImChannelProperties(String secret) {

	public boolean configured() {
		return this.secret != null && !this.secret.isBlank();
	}

}
