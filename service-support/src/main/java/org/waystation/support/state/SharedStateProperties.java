package org.waystation.support.state;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How often each instance picks up shared state other instances changed.
 *
 * @param refreshInterval the pause between two refreshes of every {@link SharedState}
 */
@Validated
@ConfigurationProperties("waystation.shared-state")
public record SharedStateProperties(@NotNull @DefaultValue("2s") Duration refreshInterval) {

}
