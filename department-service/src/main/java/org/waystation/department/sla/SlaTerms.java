package org.waystation.department.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * The deadlines a policy gives a case opened at a given instant, and the policy they came
 * from.
 */
public record SlaTerms(String policyId, ClockMode clock, Duration signWithin, Duration resolveWithin, Instant signDueAt,
		Instant resolveDueAt) {

}
