package org.waystation.support.outbox;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the outbox relay works.
 *
 * @param collections the collections whose documents carry an outbox
 * @param pollInterval how long the relay waits for a wake-up before it looks anyway
 * @param batchSize documents read per round
 * @param sendTimeout how long to wait for Kafka's acknowledgement
 * @param maxBackoff the longest pause after failures
 * @param sweepInterval how often the relay looks through whole collections for events
 * left behind (it publishes what it is told about at once)
 */
@Validated
@ConfigurationProperties("waystation.outbox")
public record OutboxProperties(@NotNull @DefaultValue List<String> collections,
		@NotNull @DefaultValue("500ms") Duration pollInterval, @Min(1) @DefaultValue("200") int batchSize,
		@NotNull @DefaultValue("10s") Duration sendTimeout, @NotNull @DefaultValue("10s") Duration maxBackoff,
		@NotNull @DefaultValue("5m") Duration sweepInterval) {

}
