package org.waystation.department.kpi;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;

import org.waystation.department.cases.Case;
import org.waystation.department.cases.CaseStatus;

/**
 * What the KPI figures read of one case, taken from the stored document.
 */
record KpiFacts(String id, CaseStatus status, String department, String category, String district, Instant openedAt,
		Instant signedAt, Instant signDueAt, Instant resolveDueAt, Instant returnedAt, int reopenCount,
		Boolean closedResolved, String rating, Instant resolvedAt, Boolean resolvedOnTime) {

	/** The fields of a case the figures and the groups read. */
	static final String[] FIELDS = { "status", "signedAt", "signDueAt", "returnedAt", "reopenCount", "closedResolved",
			"rating", "resolvedAt", "resolvedOnTime", "openedAt", "resolveDueAt", "department", "category",
			"district" };

	static KpiFacts of(Document c) {
		Number reopenCount = c.get("reopenCount", Number.class);
		return new KpiFacts(String.valueOf(c.get("_id")), CaseStatus.valueOf(c.getString("status")),
				c.getString("department"), c.getString("category"), c.getString("district"), instant(c, "openedAt"),
				instant(c, "signedAt"), instant(c, "signDueAt"), instant(c, "resolveDueAt"), instant(c, "returnedAt"),
				(reopenCount != null) ? reopenCount.intValue() : 0, c.getBoolean("closedResolved"),
				c.getString("rating"), instant(c, "resolvedAt"), c.getBoolean("resolvedOnTime"));
	}

	private static Instant instant(Document c, String field) {
		Date value = c.getDate(field);
		return (value != null) ? value.toInstant() : null;
	}

	boolean isOverdue(Instant now) {
		return Case.isOverdue(this.status, this.signDueAt, this.resolveDueAt, now);
	}

	/**
	 * Whether what the case adds to the figures will never change again: it is in a final
	 * status, and either signed for, past its signing deadline, or merged (which counts
	 * only as opened).
	 */
	boolean isSettled(Instant now) {
		return this.status.isFinal()
				&& (this.status == CaseStatus.MERGED || this.signedAt != null || now.isAfter(this.signDueAt));
	}

	/** The group of this case in a report grouped by that field. */
	String group(KpiService.GroupBy groupBy) {
		String value = switch (groupBy) {
			case DEPARTMENT -> this.department;
			case CATEGORY -> this.category;
			case DISTRICT -> this.district;
		};
		return (value != null) ? value : KpiService.UNKNOWN;
	}

}
