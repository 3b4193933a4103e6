package org.waystation.department.kpi;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.waystation.department.cases.CaseStatus;

/**
 * The running figures of one group of cases. The counts that never change once a case is
 * settled ({@link #SETTLED}) can also be added as kept in the KPI tallies.
 */
final class KpiTally {

	/** The counts a settled case adds, by name: all the figures but the backlog's. */
	static final String[] SETTLED = { "opened", "dueToSign", "signedInTime", "closed", "closedResolved", "rated",
			"satisfied", "resolved", "resolvedInTime", "returns", "reopenings" };

	private final Map<String, Long> counts = new LinkedHashMap<>();

	private long openOverdue;

	private long backlog;

	private long overdue;

	private final Map<String, Long> backlogByAge = new LinkedHashMap<>(
			Map.of("UNDER_1_DAY", 0L, "1_TO_3_DAYS", 0L, "3_TO_7_DAYS", 0L, "OVER_7_DAYS", 0L));

	KpiTally() {
		for (String name : SETTLED) {
			this.counts.put(name, 0L);
		}
	}

	/** Adds one case as it stands now. */
	void add(KpiFacts c, Instant now) {
		count("opened", 1);
		CaseStatus status = c.status();
		if (status == CaseStatus.MERGED) {
			return;
		}
		if (c.signedAt() != null || now.isAfter(c.signDueAt())) {
			count("dueToSign", 1);
			if (c.signedAt() != null && !c.signedAt().isAfter(c.signDueAt())) {
				count("signedInTime", 1);
			}
		}
		if (c.returnedAt() != null) {
			count("returns", 1);
		}
		count("reopenings", c.reopenCount());
		if (status == CaseStatus.RETURNED || status == CaseStatus.REDISPATCHED) {
			return;
		}
		if (status == CaseStatus.CLOSED) {
			count("closed", 1);
			if (Boolean.TRUE.equals(c.closedResolved())) {
				count("closedResolved", 1);
			}
		}
		if (c.rating() != null) {
			count("rated", 1);
			if (!"DISSATISFIED".equals(c.rating())) {
				count("satisfied", 1);
			}
		}
		if (c.resolvedAt() != null) {
			count("resolved", 1);
			if (Boolean.TRUE.equals(c.resolvedOnTime())) {
				count("resolvedInTime", 1);
			}
		}
		if (status.isActive()) {
			this.backlog++;
			this.backlogByAge.merge(ageBucket(Duration.between(c.openedAt(), now)), 1L, Long::sum);
			if (c.isOverdue(now)) {
				this.overdue++;
				if (now.isAfter(c.resolveDueAt())) {
					this.openOverdue++;
				}
			}
		}
	}

	/** Adds counts of settled cases, by the names of {@link #SETTLED}. */
	void addSettled(Map<String, ?> settled) {
		for (String name : SETTLED) {
			if (settled.get(name) instanceof Number number) {
				count(name, number.longValue());
			}
		}
	}

	/** The counts of {@link #SETTLED} that are not zero. */
	Map<String, Long> settledCounts() {
		Map<String, Long> settled = new LinkedHashMap<>();
		this.counts.forEach((name, count) -> {
			if (count != 0) {
				settled.put(name, count);
			}
		});
		return settled;
	}

	KpiRow row(String group) {
		long dueToSign = get("dueToSign");
		long signedInTime = get("signedInTime");
		long closed = get("closed");
		long closedResolved = get("closedResolved");
		long rated = get("rated");
		long satisfied = get("satisfied");
		long resolved = get("resolved");
		long resolvedInTime = get("resolvedInTime");
		return new KpiRow(group, get("opened"), dueToSign, signedInTime, rate(signedInTime, dueToSign), closed,
				closedResolved, rate(closedResolved, closed), rated, satisfied, rate(satisfied, rated), resolved,
				resolvedInTime, this.openOverdue, rate(resolvedInTime, resolved + this.openOverdue), this.backlog,
				new LinkedHashMap<>(this.backlogByAge), this.overdue, get("returns"), get("reopenings"));
	}

	private void count(String name, long by) {
		this.counts.merge(name, by, Long::sum);
	}

	private long get(String name) {
		return this.counts.get(name);
	}

	private static String ageBucket(Duration age) {
		if (age.compareTo(Duration.ofDays(1)) < 0) {
			return "UNDER_1_DAY";
		}
		if (age.compareTo(Duration.ofDays(3)) < 0) {
			return "1_TO_3_DAYS";
		}
		return (age.compareTo(Duration.ofDays(7)) < 0) ? "3_TO_7_DAYS" : "OVER_7_DAYS";
	}

	private static Double rate(long part, long whole) {
		return (whole == 0) ? null : Math.round(10_000.0 * part / whole) / 10_000.0;
	}

}
