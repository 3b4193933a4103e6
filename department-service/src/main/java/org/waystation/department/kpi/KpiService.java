package org.waystation.department.kpi;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

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
 * <p>
 * The whole days of the period are read from the {@link KpiTallies} of the settled cases
 * and the cases not yet counted there (the backlog and the just settled); the parts of
 * days at either end from the cases themselves. A case that settles while a report is
 * read can be missing from that one report.
 */
@Service
public class KpiService {

	/** The time zone of the days the KPIs are kept and asked for by. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** The group of cases without a value for the field grouped by. */
	static final String UNKNOWN = "UNKNOWN";

	/** The groups a KPI report can be broken down by. */
	public enum GroupBy {

		DEPARTMENT, CATEGORY, DISTRICT

	}

	private static final List<String> EVERY_STATUS = Arrays.stream(CaseStatus.values()).map(Enum::name).toList();

	private final MongoTemplate mongo;

	private final KpiTallies tallies;

	private final Clock clock;

	KpiService(MongoTemplate mongo, KpiTallies tallies, Optional<Clock> clock) {
		this.mongo = mongo;
		this.tallies = tallies;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * One row per group, sorted by group, then the total over every group.
	 * @param department only this department's cases, or every department's for
	 * {@code null}
	 */
	public Report report(Instant from, Instant to, GroupBy groupBy, String department) {
		return report(from, to, groupBy, department, true);
	}

	/** The same report, read from every case of the period; for tests to compare with. */
	Report reportFromEveryCase(Instant from, Instant to, GroupBy groupBy, String department) {
		return report(from, to, groupBy, department, false);
	}

	private Report report(Instant from, Instant to, GroupBy groupBy, String department, boolean fromTallies) {
		Instant now = this.clock.instant();
		Map<String, KpiTally> groups = new TreeMap<>();
		KpiTally total = new KpiTally();
		// The whole days of the period; a day still to come counts as whole when the
		// period
		// reaches past now, as nothing can have opened after now.
		LocalDate first = LocalDate.ofInstant(from, ZONE);
		if (startOf(first).isBefore(from)) {
			first = first.plusDays(1);
		}
		LocalDate end = LocalDate.ofInstant(to, ZONE);
		LocalDate last = (to.isAfter(now) && startOf(end).isBefore(to)) ? end : end.minusDays(1);
		if (!fromTallies || last.isBefore(first)) {
			addCases(Criteria.where("openedAt").gte(from).lt(to), Set.of(), department, groupBy, groups, total, now);
		}
		else {
			Instant wholeFrom = startOf(first);
			Instant wholeTo = startOf(last.plusDays(1));
			Set<String> pending = this.tallies.addTo(first, last, department, groupBy, groups, total);
			addCases(Criteria.where("kpiTallied")
				.is(false)
				.and("status")
				.in(EVERY_STATUS)
				.and("openedAt")
				.gte(wholeFrom)
				.lt(wholeTo), pending, department, groupBy, groups, total, now);
			if (from.isBefore(wholeFrom)) {
				addCases(Criteria.where("openedAt").gte(from).lt(wholeFrom), Set.of(), department, groupBy, groups,
						total, now);
			}
			if (wholeTo.isBefore(to)) {
				addCases(Criteria.where("openedAt").gte(wholeTo).lt(to), Set.of(), department, groupBy, groups, total,
						now);
			}
		}
		List<KpiRow> rows = groups.entrySet().stream().map((entry) -> entry.getValue().row(entry.getKey())).toList();
		return new Report(from, to, groupBy, now, rows, total.row("ALL"));
	}

	/**
	 * Adds the cases the criteria find, but those left out. The department is matched
	 * here rather than in the query, so that the store reads by the opening time's index.
	 */
	private void addCases(Criteria criteria, Set<String> leftOut, String department, GroupBy groupBy,
			Map<String, KpiTally> groups, KpiTally total, Instant now) {
		Query query = Query.query(criteria);
		// Only the fields the figures read, taken as stored: a case's history, words and
		// outbox are most of it, and mapping each case to a Case was most of the time.
		query.fields().include(KpiFacts.FIELDS);
		this.mongo.executeQuery(query, this.mongo.getCollectionName(Case.class), (document) -> {
			KpiFacts c = KpiFacts.of(document);
			if ((department != null && !department.equals(c.department())) || leftOut.contains(c.id())) {
				return;
			}
			groups.computeIfAbsent(c.group(groupBy), (key) -> new KpiTally()).add(c, now);
			total.add(c, now);
		});
	}

	private static Instant startOf(LocalDate day) {
		return day.atStartOfDay(ZONE).toInstant();
	}

	/** A KPI report: a row per group and the total. */
	public record Report(Instant from, Instant to, GroupBy groupBy, Instant computedAt, List<KpiRow> rows,
			KpiRow total) {

	}

}
