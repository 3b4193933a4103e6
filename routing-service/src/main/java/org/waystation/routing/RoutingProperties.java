package org.waystation.routing;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How routing decides.
 *
 * @param confidenceThreshold below this confidence an appeal goes to TRIAGE with its
 * top-3 suggestions (an URGENT one goes to its best guess and TRIAGE at once)
 * @param duplicateWindow how far back an earlier appeal from the same phone counts as the
 * same matter (并单 suggestion)
 * @param duplicateSimilarity the share of the shorter appeal's words the two must share
 * @param topicWindow how long a hot topic stays open for new appeals after its last one
 * @param topicSimilarity the cosine similarity an appeal needs to join a topic
 * @param refreshInterval how often an instance checks for rule changes and retrained
 * models made elsewhere
 */
@Validated
@ConfigurationProperties("waystation.routing")
public record RoutingProperties(@DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.6") double confidenceThreshold,
		@NotNull @DefaultValue("72h") Duration duplicateWindow,
		@DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.5") double duplicateSimilarity,
		@NotNull @DefaultValue("7d") Duration topicWindow,
		@DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.4") double topicSimilarity,
		@NotNull @DefaultValue("2s") Duration refreshInterval) {

}
