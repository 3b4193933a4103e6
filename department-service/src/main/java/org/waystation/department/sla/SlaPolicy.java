package org.waystation.department.sla;

import java.time.Duration;
import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How long a case may take to be signed for and to be resolved. A policy applies to the
 * cases that match every field it sets (department, appeal type, priority); of several
 * that apply, the most specific wins: a department outweighs a priority, which outweighs
 * an appeal type.
 *
 * @param signWithin time allowed to sign for (签收), counted by {@code clock}
 * @param resolveWithin time allowed to resolve (办结), from opening, counted by
 * {@code clock}
 */
@Document("sla_policies")
public record SlaPolicy(@Id String id, String department, String appealType, String priority, Duration signWithin,
		Duration resolveWithin, ClockMode clock, String note, Instant updatedAt, String updatedBy) {

	/** How specific the policy is for the case, or -1 if it does not apply. */
	int specificity(String caseDepartment, String caseAppealType, String casePriority) {
		int score = 0;
		if (this.department != null) {
			if (!this.department.equals(caseDepartment)) {
				return -1;
			}
			score += 4;
		}
		if (this.priority != null) {
			if (!this.priority.equals(casePriority)) {
				return -1;
			}
			score += 2;
		}
		if (this.appealType != null) {
			if (!this.appealType.equals(caseAppealType)) {
				return -1;
			}
			score += 1;
		}
		return score;
	}

	/** Checks the policy before it is stored; the message names the field. */
	void validate() {
		if (this.signWithin == null || this.signWithin.isNegative() || this.signWithin.isZero()) {
			throw new IllegalArgumentException("signWithin must be a positive duration such as PT7H");
		}
		if (this.resolveWithin == null || this.resolveWithin.compareTo(this.signWithin) < 0) {
			throw new IllegalArgumentException("resolveWithin must be a duration no shorter than signWithin");
		}
		if (this.clock == null) {
			throw new IllegalArgumentException("clock must be WORKING or AROUND_THE_CLOCK");
		}
	}

}
