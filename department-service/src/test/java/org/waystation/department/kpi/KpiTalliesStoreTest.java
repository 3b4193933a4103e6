package org.waystation.department.kpi;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import com.mongodb.client.model.Indexes;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.UpdateDefinition;
import org.waystation.department.cases.CaseStatus;
import org.waystation.testsupport.MutableClock;
import org.waystation.testsupport.StoreForTests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The KPI tallies as the store keeps them: a report read from the tallies and the cases
 * not yet counted is the report read from every case, for whole days and parts of days,
 * every grouping and one department; also after a round interrupted between its steps,
 * with two instances counting at once, and for cases written before the tallies.
 */
class KpiTalliesStoreTest {

	/** 16:00 in Shanghai on 2026-12-05. */
	private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

	private static final String[] DEPARTMENTS = { "HRSS", "TRANSPORT" };

	private static final String[] CATEGORIES = { "WAGE_ARREARS", "SOCIAL_INSURANCE", "TRAFFIC_PENALTY", null };

	private static final String[] DISTRICTS = { "朝阳区", "海淀区", "a.b$c%2E", null };

	private static final String[] RATINGS = { "SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED", null };

	@TempDir
	static Path directory;

	static StoreForTests store;

	static MongoTemplate mongo;

	final MutableClock clock = new MutableClock(NOW);

	final Random random = new Random(20261205);

	int next;

	@BeforeAll
	static void startStore() throws IOException {
		store = StoreForTests.start(directory);
		mongo = store.template("department");
	}

	@AfterAll
	static void stopStore() {
		store.close();
	}

	@BeforeEach
	void storeCasesOfFourDaysInEveryState() {
		mongo.dropCollection("cases");
		mongo.dropCollection(KpiTallies.COLLECTION);
		mongo.getCollection("cases").createIndex(Indexes.ascending("kpiTallied", "status", "openedAt"));
		mongo.getCollection("cases").createIndex(Indexes.ascending("openedAt"));
		mongo.getCollection("cases").insertMany(cases(600, true));
	}

	/** Cases opened from three days before today until now, at random. */
	private List<Document> cases(int count, boolean marked) {
		List<Document> cases = new ArrayList<>();
		Instant earliest = TODAY.minusDays(3).atStartOfDay(KpiService.ZONE).toInstant();
		long span = Duration.between(earliest, this.clock.instant()).toSeconds();
		CaseStatus[] statuses = CaseStatus.values();
		for (int i = 0; i < count; i++) {
			Instant opened = earliest.plusSeconds(this.random.nextLong(span));
			CaseStatus status = statuses[this.random.nextInt(statuses.length)];
			Document c = new Document("_id", "case-" + this.next++).append("department", pick(DEPARTMENTS))
				.append("category", pick(CATEGORIES))
				.append("district", pick(DISTRICTS))
				.append("status", status.name())
				.append("openedAt", Date.from(opened))
				.append("signDueAt", Date.from(opened.plus(Duration.ofHours(this.random.nextInt(48)))))
				.append("resolveDueAt", Date.from(opened.plus(Duration.ofHours(24 + this.random.nextInt(120)))))
				.append("reopenCount", this.random.nextInt(3) == 0 ? 1 : 0)
				.append("version", 1L);
			if (marked) {
				c.append("kpiTallied", false);
			}
			boolean signed = status != CaseStatus.OPEN && this.random.nextInt(5) > 0;
			if (signed || status == CaseStatus.CLOSED) {
				c.append("signedAt", Date.from(opened.plus(Duration.ofHours(this.random.nextInt(30)))));
			}
			if (status == CaseStatus.RETURNED || status == CaseStatus.REDISPATCHED || this.random.nextInt(8) == 0) {
				c.append("returnedAt", Date.from(opened.plus(Duration.ofHours(2))));
			}
			if (status == CaseStatus.CLOSED || status == CaseStatus.RESOLVED || status == CaseStatus.RATED) {
				c.append("resolvedAt", Date.from(opened.plus(Duration.ofHours(20))))
					.append("resolvedOnTime", this.random.nextBoolean())
					.append("rating", pick(RATINGS));
			}
			if (status == CaseStatus.CLOSED) {
				c.append("closedResolved", this.random.nextInt(4) > 0);
			}
			cases.add(c);
		}
		return cases;
	}

	private <T> T pick(T[] values) {
		return values[this.random.nextInt(values.length)];
	}

	private KpiTallies tallies(MongoTemplate template) {
		return new KpiTallies(template, Optional.of(this.clock), Duration.ofSeconds(10));
	}

	private void assertReportsAsFromEveryCase() {
		KpiService kpis = new KpiService(mongo, tallies(mongo), Optional.of(this.clock));
		Instant midnight = TODAY.atStartOfDay(KpiService.ZONE).toInstant();
		List<Instant[]> periods = List.of(
				new Instant[] { midnight.minus(Duration.ofDays(3)), midnight.plus(Duration.ofDays(1)) },
				new Instant[] { midnight.minus(Duration.ofDays(3)), midnight },
				new Instant[] { midnight.minus(Duration.ofHours(60)), NOW.minus(Duration.ofHours(5)) },
				new Instant[] { midnight.minus(Duration.ofHours(30)), NOW.plus(Duration.ofHours(2)) },
				new Instant[] { midnight.plus(Duration.ofHours(1)), midnight.plus(Duration.ofHours(3)) });
		for (Instant[] period : periods) {
			for (KpiService.GroupBy groupBy : KpiService.GroupBy.values()) {
				for (String department : new String[] { null, "HRSS" }) {
					KpiService.Report expected = kpis.reportFromEveryCase(period[0], period[1], groupBy, department);
					assertThat(kpis.report(period[0], period[1], groupBy, department))
						.as("%s to %s by %s, %s", period[0], period[1], groupBy, department)
						.isEqualTo(expected);
					assertThat(expected.total().opened()).isPositive();
				}
			}
		}
	}

	private static long count(Criteria criteria, String collection) {
		return mongo.count(Query.query(criteria), collection);
	}

	private static long settledUnmarked(Instant now) {
		return mongo.find(Query.query(Criteria.where("kpiTallied").ne(true)), Document.class, "cases")
			.stream()
			.map(KpiFacts::of)
			.filter((c) -> c.isSettled(now))
			.count();
	}

	/** How many cases the tallies list as pending. */
	private static long pending() {
		return mongo.findAll(Document.class, KpiTallies.COLLECTION)
			.stream()
			.mapToLong((tally) -> tally.getList("pending", String.class, List.of()).size())
			.sum();
	}

	@Test
	void reportsFromTheTalliesWhatEveryCaseSays() {
		int added = tallies(mongo).tally();
		assertThat(added).isPositive().isEqualTo(count(Criteria.where("kpiTallied").is(true), "cases"));
		assertThat(settledUnmarked(NOW)).isZero();
		assertThat(pending()).isZero();
		// Department and day: at most two departments over four days.
		assertThat(count(Criteria.where("day").exists(true), KpiTallies.COLLECTION)).isBetween(2L, 8L);
		assertReportsAsFromEveryCase();
		assertThat(tallies(mongo).tally()).as("a second round adds nothing").isZero();
		assertReportsAsFromEveryCase();
	}

	@Test
	void countsACaseReDispatchedBeforeItsSigningDeadlineOnceThatDeadlinePasses() {
		tallies(mongo).tally();
		long waiting = mongo.find(Query.query(Criteria.where("kpiTallied").is(false)), Document.class, "cases")
			.stream()
			.map(KpiFacts::of)
			.filter((c) -> c.status().isFinal())
			.count();
		assertThat(waiting).as("re-dispatched unsigned before the deadline").isPositive();
		this.clock.advance(Duration.ofDays(2));
		assertThat(tallies(mongo).tally()).isEqualTo(waiting);
		assertReportsAsFromEveryCase();
	}

	@Test
	void countsEveryCaseOnceWhenARoundStopsBetweenItsSteps() {
		tallies(mongo).prepare();
		// Stopped after adding to the tallies, before marking the cases.
		assertThatThrownBy(() -> tallies(failing("cases")).tally()).hasMessageContaining("stopped");
		assertThat(pending()).isPositive();
		assertReportsAsFromEveryCase();
		tallies(mongo).tally();
		assertThat(settledUnmarked(NOW)).isZero();
		assertThat(pending()).isZero();
		assertReportsAsFromEveryCase();
		// Stopped after marking, before the tallies forget the cases as pending.
		mongo.getCollection("cases").insertMany(cases(200, true));
		this.clock.advance(Duration.ofHours(1));
		assertThatThrownBy(() -> tallies(failing(KpiTallies.COLLECTION)).tally()).hasMessageContaining("stopped");
		assertThat(pending()).isPositive();
		assertReportsAsFromEveryCase();
		tallies(mongo).tally();
		assertThat(settledUnmarked(this.clock.instant())).isZero();
		assertThat(pending()).isZero();
		assertReportsAsFromEveryCase();
	}

	@Test
	void countsEveryCaseOnceWithTwoInstancesCountingAtOnce() {
		for (int round = 0; round < 3; round++) {
			mongo.getCollection("cases").insertMany(cases(300, true));
			KpiTallies one = tallies(mongo);
			KpiTallies two = tallies(mongo);
			CompletableFuture<Integer> first = CompletableFuture.supplyAsync(one::tally);
			CompletableFuture<Integer> second = CompletableFuture.supplyAsync(two::tally);
			first.join();
			second.join();
			while (tallies(mongo).tally() > 0) {
				// rounds that lost to the other instance are taken up again
			}
			assertThat(settledUnmarked(this.clock.instant())).isZero();
			assertReportsAsFromEveryCase();
			this.clock.advance(Duration.ofMinutes(30));
		}
	}

	@Test
	void countsTheCasesOfAStoreWrittenBeforeTheTallies() {
		mongo.getCollection("cases").insertMany(cases(200, false));
		assertThat(count(Criteria.where("kpiTallied").exists(false), "cases")).isEqualTo(200);
		tallies(mongo).tally();
		assertThat(count(Criteria.where("kpiTallied").exists(false), "cases")).isZero();
		assertThat(settledUnmarked(NOW)).isZero();
		assertReportsAsFromEveryCase();
	}

	/**
	 * A template that stops (as a crash would) at the first update of many cases, or of a
	 * tally after it was added to.
	 */
	private static MongoTemplate failing(String collection) {
		AtomicBoolean failed = new AtomicBoolean();
		return new MongoTemplate(store.client(), "department") {

			@Override
			public UpdateResult updateMulti(Query query, UpdateDefinition update, String collectionName) {
				if (collectionName.equals(collection) && !failed.getAndSet(true)) {
					throw new IllegalStateException("stopped");
				}
				return super.updateMulti(query, update, collectionName);
			}

			@Override
			public UpdateResult updateFirst(Query query, UpdateDefinition update, String collectionName) {
				if (collectionName.equals(collection) && update.getUpdateObject().containsKey("$pullAll")
						&& !failed.getAndSet(true)) {
					throw new IllegalStateException("stopped");
				}
				return super.updateFirst(query, update, collectionName);
			}

		};
	}

}
