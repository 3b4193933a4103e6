package org.waystation.intake.contact;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the log of contact reads is kept. The law and MLPS level 3 ask for at least
 * six months; shorter is refused at start-up.
 */
@Validated
@ConfigurationProperties("waystation.audit")
public record AuditProperties(@DefaultValue("400d") Duration retention) {

	static final Duration MINIMUM = Duration.ofDays(183);

	@AssertTrue(message = "waystation.audit.retention must be at least 183 days (six months)")
	boolean isRetentionLongEnough() {
		return this.retention.compareTo(MINIMUM) >= 0;
	}

}
