package org.waystation.department.cases;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Predicate;

import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.waystation.testsupport.StoreForTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue filters as the store answers them, against what they mean: overdue cases
 * (unsigned past the signing deadline, or active past the resolution deadline while the
 * clock runs) alone and with the statuses a working queue asks for.
 */
class CaseFilterStoreTest {

	private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");

	private static final List<CaseStatus> ACTIVE = List.of(CaseStatus.OPEN, CaseStatus.SIGNED, CaseStatus.IN_PROGRESS,
			CaseStatus.WAITING_FOR_WORKER, CaseStatus.REOPENED);

	@TempDir
	static Path directory;

	static StoreForTests store;

	static MongoTemplate mongo;

	static final List<Document> cases = new ArrayList<>();

	@BeforeAll
	static void storeCasesInEveryStateAroundTheirDeadlines() throws IOException {
		store = StoreForTests.start(directory);
		mongo = store.template("department");
		mongo.getCollection("cases").createIndex(Indexes.ascending("department", "status", "resolveDueAt"));
		CaseStatus[] statuses = CaseStatus.values();
		int i = 0;
		for (String department : List.of("HRSS", "TRANSPORT")) {
			for (CaseStatus status : statuses) {
				for (long signHours : List.of(-5L, 3L)) {
					for (long resolveHours : List.of(-2L, 30L)) {
						Document c = new Document("_id", "case-" + i++).append("department", department)
							.append("status", status.name())
							.append("signDueAt", Date.from(NOW.plus(Duration.ofHours(signHours))))
							.append("resolveDueAt", Date.from(NOW.plus(Duration.ofHours(resolveHours))));
						cases.add(c);
					}
				}
			}
		}
		mongo.getCollection("cases").insertMany(cases.stream().map(Document::new).toList());
	}

	@AfterAll
	static void stopStore() {
		store.close();
	}

	private static boolean late(Document c) {
		CaseStatus status = CaseStatus.valueOf(c.getString("status"));
		boolean unsigned = status == CaseStatus.OPEN && c.getDate("signDueAt").toInstant().isBefore(NOW);
		boolean running = List.of(CaseStatus.OPEN, CaseStatus.SIGNED, CaseStatus.IN_PROGRESS, CaseStatus.REOPENED)
			.contains(status) && c.getDate("resolveDueAt").toInstant().isBefore(NOW);
		return unsigned || running;
	}

	private static List<String> expected(Predicate<Document> matches) {
		return cases.stream().filter(matches).map((c) -> c.getString("_id")).sorted().toList();
	}

	private static List<String> found(CaseFilter filter) {
		Query query = Query.query(filter.toCriteria(NOW));
		assertThat(mongo.count(query, "cases")).as(filter.toString())
			.isEqualTo(mongo.find(query, Document.class, "cases").size());
		return mongo.find(query, Document.class, "cases").stream().map((c) -> c.getString("_id")).sorted().toList();
	}

	private static boolean in(Document c, String department, List<CaseStatus> statuses) {
		return c.getString("department").equals(department)
				&& statuses.contains(CaseStatus.valueOf(c.getString("status")));
	}

	@Test
	void findsTheOverdueCasesOfADepartmentInAnyStateOrInTheStatesAsked() {
		assertThat(found(CaseFilter.of("HRSS").withOverdue(true)))
			.isEqualTo(expected((c) -> c.getString("department").equals("HRSS") && late(c)))
			.isNotEmpty();
		assertThat(found(CaseFilter.of("HRSS").withStatuses(ACTIVE).withOverdue(true)))
			.isEqualTo(expected((c) -> in(c, "HRSS", ACTIVE) && late(c)));
		// Asked for states that cannot be late: nothing, not every case.
		assertThat(found(CaseFilter.of("HRSS")
			.withStatuses(List.of(CaseStatus.WAITING_FOR_WORKER, CaseStatus.CLOSED))
			.withOverdue(true))).isEmpty();
		assertThat(found(CaseFilter.of("HRSS").withStatuses(List.of(CaseStatus.SIGNED)).withOverdue(true)))
			.isEqualTo(expected((c) -> in(c, "HRSS", List.of(CaseStatus.SIGNED)) && late(c)))
			.isNotEmpty();
	}

	@Test
	void findsTheCasesNotOverdueAndThoseDueSoonAsTheQueueCountsThem() {
		assertThat(found(CaseFilter.of("TRANSPORT").withStatuses(ACTIVE).withOverdue(false)))
			.isEqualTo(expected((c) -> in(c, "TRANSPORT", ACTIVE) && !late(c)))
			.isNotEmpty();
		Instant soon = NOW.plus(Duration.ofDays(1));
		assertThat(found(CaseFilter.of("TRANSPORT").withStatuses(ACTIVE).withOverdue(false).withDueBefore(soon)))
			.isEqualTo(expected((c) -> in(c, "TRANSPORT", ACTIVE) && !late(c)
					&& c.getDate("resolveDueAt").toInstant().isBefore(soon)))
			.isNotEmpty();
	}

}
