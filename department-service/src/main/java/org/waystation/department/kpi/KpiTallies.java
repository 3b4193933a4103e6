package org.waystation.department.kpi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.waystation.department.cases.Case;
import org.waystation.department.cases.CaseStatus;
import org.waystation.support.rounds.Rounds;

/**
 * The KPI counts of settled cases (see {@link KpiFacts#isSettled}), kept per department
 * and day of opening (Asia/Shanghai) so that a report reads one document per department
 * and day instead of every case. Each tally holds the counts of the department and of
 * each category and district within it; a case is added once, in three steps that a crash
 * or a second instance can interrupt anywhere:
 * <ol>
 * <li>the tally adds the cases and lists them as pending, if its version is still the one
 * read before the cases were found uncounted (so two instances never add a case twice);
 * <li>the cases are marked {@code kpiTallied};
 * <li>the tally forgets them as pending.
 * </ol>
 * A case that is pending but not yet marked is counted by the tally, never twice: the
 * next round only marks it. A report adds the tallies and reads the cases not yet
 * counted, leaving out those pending.
 */
@Component
class KpiTallies extends Rounds {

	static final String COLLECTION = "kpi_tallies";

	/** The document that records that the cases of older stores were marked. */
	private static final String FORMAT = "format";

	private static final int BATCH = 500;

	private final MongoTemplate mongo;

	private final Clock clock;

	private final Duration interval;

	private final String cases;

	private volatile boolean prepared;

	/** False until a round has looked for what an interrupted round left pending. */
	private volatile boolean tidy;

	KpiTallies(MongoTemplate mongo, Optional<Clock> clock,
			@Value("${waystation.kpi.tally-interval:10s}") Duration interval) {
		super("kpi-tallies");
		this.mongo = mongo;
		this.clock = clock.orElse(Clock.systemUTC());
		this.interval = interval;
		this.cases = mongo.getCollectionName(Case.class);
	}

	@Override
	protected Duration interval() {
		return this.interval;
	}

	@Override
	protected void round() {
		tally();
	}

	/** The tally of a department's cases opened on a day. */
	static String idOf(String department, LocalDate day) {
		return department + "|" + day;
	}

	/**
	 * A group's name as a field name: MongoDB field names hold no dot and start with no
	 * dollar sign.
	 */
	static String field(String group) {
		return group.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
	}

	/** The group a field name stands for. */
	static String group(String field) {
		return field.replace("%2E", ".").replace("%24", "$").replace("%25", "%");
	}

	/**
	 * Creates the tallies' index, and marks the cases of a store written before the
	 * tallies as not counted, once.
	 */
	void prepare() {
		if (this.prepared) {
			return;
		}
		this.mongo.indexOps(COLLECTION)
			.createIndex(new Index().on("day", Sort.Direction.ASC).on("department", Sort.Direction.ASC));
		if (this.mongo.exists(Query.query(Criteria.where("_id").is(FORMAT)), COLLECTION)) {
			this.prepared = true;
			return;
		}
		this.mongo.updateMulti(Query.query(Criteria.where("kpiTallied").exists(false)),
				new Update().set("kpiTallied", false), this.cases);
		try {
			this.mongo.insert(new Document("_id", FORMAT).append("casesMarked", true), COLLECTION);
		}
		catch (DuplicateKeyException ex) {
			// another instance marked them at the same time
		}
		this.prepared = true;
	}

	/**
	 * One round: adds every settled case not yet counted to its tally.
	 * @return how many cases were added
	 */
	int tally() {
		prepare();
		if (!this.tidy) {
			forgetLeftovers();
			this.tidy = true;
		}
		try {
			return tallyRound();
		}
		catch (RuntimeException ex) {
			this.tidy = false;
			throw ex;
		}
	}

	/**
	 * Forgets the pending cases an interrupted round left marked (those it left unmarked
	 * are marked when their tally is next added to). Reads every tally: done when
	 * starting and after a round failed.
	 */
	private void forgetLeftovers() {
		Query withPending = new Query();
		withPending.fields().include("pending");
		for (Document tally : this.mongo.find(withPending, Document.class, COLLECTION)) {
			List<String> pending = tally.getList("pending", String.class, List.of());
			if (pending.isEmpty()) {
				continue;
			}
			Query marked = Query.query(Criteria.where("_id").in(pending).and("kpiTallied").is(true));
			marked.fields().include("_id");
			List<Object> forgetting = this.mongo.find(marked, Document.class, this.cases)
				.stream()
				.map((c) -> c.get("_id"))
				.toList();
			if (!forgetting.isEmpty()) {
				this.mongo.updateFirst(Query.query(Criteria.where("_id").is(tally.get("_id"))),
						new Update().pullAll("pending", forgetting.toArray()).inc("version", 1), COLLECTION);
			}
		}
	}

	private int tallyRound() {
		Instant now = this.clock.instant();
		Query query = Query.query(Criteria.where("kpiTallied")
			.is(false)
			.and("status")
			.in(CaseStatus.FINAL.stream().map(CaseStatus::name).toList()));
		query.fields().include(KpiFacts.FIELDS);
		Map<String, List<KpiFacts>> byTally = new LinkedHashMap<>();
		this.mongo.executeQuery(query, this.cases, (document) -> {
			KpiFacts c = KpiFacts.of(document);
			if (c.isSettled(now)) {
				byTally
					.computeIfAbsent(idOf(c.department(), LocalDate.ofInstant(c.openedAt(), KpiService.ZONE)),
							(id) -> new ArrayList<>())
					.add(c);
			}
		});
		int added = 0;
		for (List<KpiFacts> settled : byTally.values()) {
			for (int from = 0; from < settled.size(); from += BATCH) {
				added += add(settled.subList(from, Math.min(from + BATCH, settled.size())), now);
			}
		}
		return added;
	}

	/**
	 * Adds cases of one tally (department and day), as far as they are still not counted.
	 * @return how many were added; 0 also when another instance changed the tally first
	 * (the next round takes them up again)
	 */
	private int add(List<KpiFacts> settled, Instant now) {
		KpiFacts first = settled.get(0);
		LocalDate day = LocalDate.ofInstant(first.openedAt(), KpiService.ZONE);
		String id = idOf(first.department(), day);
		this.mongo.upsert(Query.query(Criteria.where("_id").is(id)),
				new Update().setOnInsert("department", first.department())
					.setOnInsert("day", day.toString())
					.setOnInsert("version", 0L)
					.setOnInsert("pending", List.of()),
				COLLECTION);
		Document tally = this.mongo.findById(id, Document.class, COLLECTION);
		long version = tally.get("version", Number.class).longValue();
		Set<String> pending = new HashSet<>(tally.getList("pending", String.class, List.of()));
		// Which of them (and of those pending) are still not marked, read after the
		// tally's version: a pending case is counted by the tally already.
		Set<String> ids = new HashSet<>(pending);
		settled.forEach((c) -> ids.add(c.id()));
		Query unmarked = Query.query(Criteria.where("_id").in(ids).and("kpiTallied").is(false));
		unmarked.fields().include("_id");
		Set<String> stillUnmarked = new HashSet<>();
		this.mongo.executeQuery(unmarked, this.cases,
				(document) -> stillUnmarked.add(String.valueOf(document.get("_id"))));
		List<KpiFacts> adding = settled.stream()
			.filter((c) -> stillUnmarked.contains(c.id()) && !pending.contains(c.id()))
			.toList();
		if (!adding.isEmpty()) {
			Update change = new Update().inc("version", 1)
				.push("pending")
				.each(adding.stream().map(KpiFacts::id).toArray());
			counts(adding, now).forEach(change::inc);
			if (this.mongo
				.updateFirst(Query.query(Criteria.where("_id").is(id).and("version").is(version)), change, COLLECTION)
				.getMatchedCount() == 0) {
				return 0;
			}
		}
		List<String> marking = new ArrayList<>(stillUnmarked);
		if (!marking.isEmpty()) {
			this.mongo.updateMulti(Query.query(Criteria.where("_id").in(marking).and("kpiTallied").is(false)),
					new Update().set("kpiTallied", true).inc("version", 1), this.cases);
		}
		// Every case pending is marked now, also those left by an interrupted round.
		Set<String> forgetting = new HashSet<>(pending);
		adding.forEach((c) -> forgetting.add(c.id()));
		if (!forgetting.isEmpty()) {
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
					new Update().pullAll("pending", forgetting.toArray()).inc("version", 1), COLLECTION);
		}
		return adding.size();
	}

	/**
	 * What the cases add to a tally, by field: the department's counts under
	 * {@code total}, each category's and district's under their names.
	 */
	private static Map<String, Long> counts(List<KpiFacts> settled, Instant now) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (KpiFacts c : settled) {
			KpiTally one = new KpiTally();
			one.add(c, now);
			one.settledCounts().forEach((name, count) -> {
				counts.merge("total." + name, count, Long::sum);
				counts.merge("category." + field(c.group(KpiService.GroupBy.CATEGORY)) + "." + name, count, Long::sum);
				counts.merge("district." + field(c.group(KpiService.GroupBy.DISTRICT)) + "." + name, count, Long::sum);
			});
		}
		return counts;
	}

	/**
	 * Adds the tallies of the days from {@code first} to {@code last} to the groups, and
	 * returns the cases they list as pending (counted, not yet marked).
	 */
	Set<String> addTo(LocalDate first, LocalDate last, String department, KpiService.GroupBy groupBy,
			Map<String, KpiTally> groups, KpiTally total) {
		Criteria days = Criteria.where("day").gte(first.toString()).lte(last.toString());
		if (department != null) {
			days.and("department").is(department);
		}
		Set<String> pending = new HashSet<>();
		this.mongo.executeQuery(Query.query(days), COLLECTION, (tally) -> {
			pending.addAll(tally.getList("pending", String.class, List.of()));
			Document counts = tally.get("total", Document.class);
			if (counts == null) {
				return;
			}
			total.addSettled(counts);
			if (groupBy == KpiService.GroupBy.DEPARTMENT) {
				groups.computeIfAbsent(tally.getString("department"), (key) -> new KpiTally()).addSettled(counts);
				return;
			}
			Document byGroup = tally.get((groupBy == KpiService.GroupBy.CATEGORY) ? "category" : "district",
					Document.class);
			if (byGroup != null) {
				byGroup.forEach((name, value) -> groups.computeIfAbsent(group(name), (key) -> new KpiTally())
					.addSettled((Document) value));
			}
		});
		return pending;
	}

}
