package org.waystation.support.messaging;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the SMS gateway is and the key it takes. No defaults: the local stack points them
 * at its stand-in.
 *
 * @param url the gateway's send endpoint
 * @param apiKey the key it authenticates senders by
 */
@Validated
@ConfigurationProperties("waystation.sms")
public record SmsProperties(@NotNull(message = "must be set: the SMS gateway's send URL") URI url,
		@NotBlank(message = "must be set: the SMS gateway's API key") String apiKey,
		@DefaultValue("5s") Duration timeout) {

}
