package org.waystation.support.kafka;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the Waystation topics are created when they do not exist yet.
 *
 * @param partitions partitions per topic; consumers of one group scale up to this number
 * @param replicationFactor 1 for a single local broker, 3 in production
 * @param retries delivery attempts after the first before a record goes to the
 * dead-letter topic
 */
@Validated
@ConfigurationProperties("waystation.kafka")
public record KafkaTopicsProperties(@Min(1) @DefaultValue("3") int partitions,
		@Min(1) @DefaultValue("1") short replicationFactor, @Min(0) @DefaultValue("4") int retries) {

}
