package org.waystation.department.kpi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.waystation.department.cases.Case;
import org.waystation.department.cases.CaseStatus;

/**
 * Computes the supervisors' KPIs (described with the taxonomy, events' taxonomy.md) from
 * the cases opened in a period. Cases merged into another count nowhere but in
 * {@code opened}; re-dispatched ones count as returns and for the response rate of the
 * department that had them.
 */
@Service
public class KpiService {

	/** The groups a KPI report can be broken down by. */
	public enum GroupBy {

		DEPARTMENT("department"), CATEGORY("category"), DISTRICT("district");

		private final String field;

		GroupBy(String field) {
			this.field = field;
		}

		String of(Document c) {
			String value = c.getString(this.field);
			return (value != null) ? value : "UNKNOWN";
		}

	}

	/** The fields of a case the figures and the groups read. */
	private static final String[] FIELDS = { "status", "signedAt", "signDueAt", "returnedAt", "reopenCount",
			"closedResolved", "rating", "resolvedAt", "resolvedOnTime", "openedAt", "resolveDueAt", "department",
			"category", "district" };

	private final MongoTemplate mongo;

	private final Clock clock;

	KpiService(MongoTemplate mongo, Optional<Clock> clock) {
		this.mongo = mongo;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * One row per group, sorted by group, then the total over every group.
	 * @param department only this department's cases, or every department's for
	 * {@code null}
	 */
	public Report report(Instant from, Instant to, GroupBy groupBy, String department) {
		Criteria period = Criteria.where("openedAt").gte(from).lt(to);
		if (department != null) {
			period.and("department").is(department);
		}
		Query query = Query.query(period);
		// Only the fields the figures read, taken as stored: a case's history, words and
		// outbox are most of it, and mapping each case to a Case was most of the time.
		query.fields().include(FIELDS);
		Instant now = this.clock.instant();
		Map<String, Tally> groups = new TreeMap<>();
		Tally total = new Tally();
		this.mongo.executeQuery(query, this.mongo.getCollectionName(Case.class), (document) -> {
			Facts c = Facts.of(document);
			groups.computeIfAbsent(groupBy.of(document), (key) -> new Tally()).add(c, now);
			total.add(c, now);
		});
		List<KpiRow> rows = groups.entrySet().stream().map((entry) -> entry.getValue().row(entry.getKey())).toList();
		return new Report(from, to, groupBy, now, rows, total.row("ALL"));
	}

	/** A KPI report: a row per group and the total. */
	public record Report(Instant from, Instant to, GroupBy groupBy, Instant computedAt, List<KpiRow> rows,
			KpiRow total) {

	}

	/** What the figures read of one case. */
	private record Facts(CaseStatus status, Instant openedAt, Instant signedAt, Instant signDueAt, Instant resolveDueAt,
			Instant returnedAt, int reopenCount, Boolean closedResolved, String rating, Instant resolvedAt,
			Boolean resolvedOnTime) {

		static Facts of(Document c) {
			Number reopenCount = c.get("reopenCount", Number.class);
			return new Facts(CaseStatus.valueOf(c.getString("status")), instant(c, "openedAt"), instant(c, "signedAt"),
					instant(c, "signDueAt"), instant(c, "resolveDueAt"), instant(c, "returnedAt"),
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

	}

	private static final class Tally {

		long opened;

		long dueToSign;

		long signedInTime;

		long closed;

		long closedResolved;

		long rated;

		long satisfied;

		long resolved;

		long resolvedInTime;

		long openOverdue;

		long backlog;

		long overdue;

		long returns;

		long reopenings;

		final Map<String, Long> backlogByAge = new LinkedHashMap<>(
				Map.of("UNDER_1_DAY", 0L, "1_TO_3_DAYS", 0L, "3_TO_7_DAYS", 0L, "OVER_7_DAYS", 0L));

		void add(Facts c, Instant now) {
			this.opened++;
			CaseStatus status = c.status();
			if (status == CaseStatus.MERGED) {
				return;
			}
			if (c.signedAt() != null || now.isAfter(c.signDueAt())) {
				this.dueToSign++;
				if (c.signedAt() != null && !c.signedAt().isAfter(c.signDueAt())) {
					this.signedInTime++;
				}
			}
			if (c.returnedAt() != null) {
				this.returns++;
			}
			this.reopenings += c.reopenCount();
			if (status == CaseStatus.RETURNED || status == CaseStatus.REDISPATCHED) {
				return;
			}
			if (status == CaseStatus.CLOSED) {
				this.closed++;
				if (Boolean.TRUE.equals(c.closedResolved())) {
					this.closedResolved++;
				}
			}
			if (c.rating() != null) {
				this.rated++;
				if (!"DISSATISFIED".equals(c.rating())) {
					this.satisfied++;
				}
			}
			if (c.resolvedAt() != null) {
				this.resolved++;
				if (Boolean.TRUE.equals(c.resolvedOnTime())) {
					this.resolvedInTime++;
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

		KpiRow row(String group) {
			return new KpiRow(group, this.opened, this.dueToSign, this.signedInTime,
					rate(this.signedInTime, this.dueToSign), this.closed, this.closedResolved,
					rate(this.closedResolved, this.closed), this.rated, this.satisfied,
					rate(this.satisfied, this.rated), this.resolved, this.resolvedInTime, this.openOverdue,
					rate(this.resolvedInTime, this.resolved + this.openOverdue), this.backlog, this.backlogByAge,
					this.overdue, this.returns, this.reopenings);
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

}
