package org.waystation.department.cases;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How cases are handled.
 *
 * @param autoAssign assign each new case round-robin among the department's staff on duty
 * @param ratingWindow how long a resolved case waits for the worker's rating before it
 * closes
 * @param slaCheckInterval how often the SLA monitor looks for milestones that have passed
 */
@Validated
@ConfigurationProperties("waystation.cases")
public record CaseProperties(@DefaultValue("true") boolean autoAssign,
		@NotNull @DefaultValue("7d") Duration ratingWindow, @NotNull @DefaultValue("1m") Duration slaCheckInterval) {

}
