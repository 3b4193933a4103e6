package org.waystation.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded store's non-unique index: the documents it reads for a query are exactly
 * those whose indexed fields the query asks for, as documents are added, changed and
 * removed.
 */
class SecondaryIndexTest {

	private final MVStore store = MVStore.open(null);

	private final SecondaryIndex queue = new SecondaryIndex(this.store, "department.cases", "queue",
			List.of(new IndexKey("department", true), new IndexKey("status", true), new IndexKey("resolveDueAt", true)),
			false);

	private final List<Document> cases = new ArrayList<>();

	SecondaryIndexTest() {
		String[] departments = { "HRSS", "TRANSPORT", "HEALTH" };
		String[] statuses = { "OPEN", "SIGNED", "RESOLVED" };
		for (int i = 0; i < 90; i++) {
			Document c = new Document("_id", "case-" + i).append("department", departments[i % 3])
				.append("status", statuses[(i / 3) % 3])
				.append("resolveDueAt", Instant.parse("2026-12-01T00:00:00Z").plusSeconds(3600L * i));
			this.cases.add(c);
			this.queue.add(c, c.get("_id"), null);
		}
	}

	private Set<Object> read(Document query) {
		Set<Object> ids = new TreeSet<>();
		this.queue.getPositions(query).forEach(ids::add);
		return ids;
	}

	private Set<Object> expected(java.util.function.Predicate<Document> matches) {
		Set<Object> ids = new TreeSet<>();
		this.cases.stream().filter(matches).forEach((c) -> ids.add(c.get("_id")));
		return ids;
	}

	@Test
	void readsTheDocumentsOfTheAskedValuesOfTheLeadingFields() {
		assertThat(read(new Document("department", "HRSS")))
			.isEqualTo(expected((c) -> c.get("department").equals("HRSS")))
			.hasSize(30);
		assertThat(read(new Document("department", "HRSS").append("status", "OPEN")))
			.isEqualTo(expected((c) -> c.get("department").equals("HRSS") && c.get("status").equals("OPEN")))
			.hasSize(10);
		assertThat(read(
				new Document("department", "HRSS").append("status", new Document("$in", List.of("OPEN", "SIGNED")))))
			.isEqualTo(expected((c) -> c.get("department").equals("HRSS") && !c.get("status").equals("RESOLVED")));
		assertThat(this.queue.usableFields(new Document("department", "HRSS").append("status", "OPEN"))).isEqualTo(2);
	}

	@Test
	void readsARangeOfTheNextField() {
		Instant from = Instant.parse("2026-12-02T00:00:00Z");
		Instant to = Instant.parse("2026-12-03T00:00:00Z");
		Document query = new Document("department", "HEALTH").append("status", "OPEN")
			.append("resolveDueAt", new Document("$gte", from).append("$lt", to));
		assertThat(read(query)).isEqualTo(expected((c) -> c.get("department").equals("HEALTH")
				&& c.get("status").equals("OPEN") && !((Instant) c.get("resolveDueAt")).isBefore(from)
				&& ((Instant) c.get("resolveDueAt")).isBefore(to)));
		assertThat(this.queue.usableFields(query)).isEqualTo(3);
	}

	@Test
	void readsARangeOnItsFirstFieldWithOneBoundOnly() {
		SecondaryIndex due = new SecondaryIndex(this.store, "department.cases", "sla",
				List.of(new IndexKey("resolveDueAt", true)), false);
		this.cases.forEach((c) -> due.add(c, c.get("_id"), null));
		Instant at = Instant.parse("2026-12-02T12:00:00Z");

		// The SLA monitor's query: what is due at or before now, no lower bound.
		Document upTo = new Document("resolveDueAt", new Document("$lte", at));
		Document from = new Document("resolveDueAt", new Document("$gt", at));
		assertThat(due.usableFields(upTo)).isEqualTo(1);
		assertThat(read(due, upTo)).isEqualTo(expected((c) -> !((Instant) c.get("resolveDueAt")).isAfter(at)))
			.hasSize(37);
		assertThat(read(due, from)).isEqualTo(expected((c) -> ((Instant) c.get("resolveDueAt")).isAfter(at)))
			.hasSize(53);
		assertThat(read(due, new Document("resolveDueAt", new Document("$lt", Instant.parse("2026-11-01T00:00:00Z")))))
			.isEmpty();
	}

	private static Set<Object> read(SecondaryIndex index, Document query) {
		Set<Object> ids = new TreeSet<>();
		index.getPositions(query).forEach(ids::add);
		return ids;
	}

	@Test
	void readsConditionsWrittenUnderAnAnd() {
		Instant from = Instant.parse("2026-12-02T00:00:00Z");
		Instant to = Instant.parse("2026-12-03T00:00:00Z");
		Document query = new Document("$and",
				List.of(new Document("department", "HRSS"), new Document("status", "OPEN"),
						new Document("resolveDueAt", new Document("$gte", from)),
						new Document("resolveDueAt", new Document("$lt", to))));
		assertThat(this.queue.usableFields(query)).isEqualTo(3);
		assertThat(read(query)).isEqualTo(expected((c) -> c.get("department").equals("HRSS")
				&& c.get("status").equals("OPEN") && !((Instant) c.get("resolveDueAt")).isBefore(from)
				&& ((Instant) c.get("resolveDueAt")).isBefore(to)));
		// The same field twice as plain values cannot be one condition: only the first
		// field is used.
		assertThat(this.queue.usableFields(new Document("$and", List.of(new Document("department", "HRSS"),
				new Document("status", "OPEN"), new Document("status", "SIGNED")))))
			.isEqualTo(1);
	}

	@Test
	void givesTheDocumentsInTheOrderOfItsNextFieldAcrossTheValuesAsked() {
		Document query = new Document("department", "HRSS").append("status",
				new Document("$in", List.of("SIGNED", "OPEN")));
		java.util.Iterator<Object> ordered = this.queue.ordered(query, "resolveDueAt");
		List<Object> first = new ArrayList<>();
		for (int i = 0; i < 5 && ordered.hasNext(); i++) {
			first.add(ordered.next());
		}
		List<Object> expected = this.cases.stream()
			.filter((c) -> c.get("department").equals("HRSS") && !c.get("status").equals("RESOLVED"))
			.sorted(java.util.Comparator.comparing((Document c) -> (Instant) c.get("resolveDueAt")))
			.limit(5)
			.map((c) -> c.get("_id"))
			.toList();
		assertThat(first).isEqualTo(expected);
		// Every status of a department: each status's entries are found and merged.
		List<Object> department = new ArrayList<>();
		this.queue.ordered(new Document("department", "HRSS"), "resolveDueAt").forEachRemaining(department::add);
		assertThat(department)
			.isEqualTo(this.cases.stream()
				.filter((c) -> c.get("department").equals("HRSS"))
				.sorted(java.util.Comparator.comparing((Document c) -> (Instant) c.get("resolveDueAt")))
				.map((c) -> c.get("_id"))
				.toList())
			.hasSize(30);
		// Not in the order of a field it does not have, nor after a range.
		assertThat(this.queue.ordered(query, "openedAt")).isNull();
		assertThat(this.queue.ordered(new Document("department", "HRSS").append("status", new Document("$gt", "A")),
				"resolveDueAt"))
			.isNull();
	}

	@Test
	void isNotUsedWhereTheQueryDoesNotNameItsFirstFieldPlainly() {
		assertThat(this.queue.canHandle(new Document("status", "OPEN"))).isFalse();
		assertThat(this.queue.canHandle(new Document("department", new Document("$ne", "HRSS")))).isFalse();
		assertThat(this.queue.canHandle(new Document("department", null))).isFalse();
		assertThat(this.queue.canHandle(new Document("$or", List.of(new Document("department", "HRSS"))))).isFalse();
	}

	@Test
	void followsDocumentsAsTheyChangeAndGo() {
		Document moved = this.cases.get(0);
		Document changed = new Document(moved).append("department", "TRANSPORT").append("status", "SIGNED");
		this.queue.updateInPlace(moved, changed, moved.get("_id"), null);
		this.cases.set(0, changed);
		Document removed = this.cases.remove(4);
		this.queue.remove(removed);

		assertThat(read(new Document("department", "HRSS")))
			.isEqualTo(expected((c) -> c.get("department").equals("HRSS")))
			.doesNotContain("case-0");
		assertThat(read(new Document("department", "TRANSPORT").append("status", "SIGNED"))).contains("case-0");
		assertThat(read(new Document("department", "TRANSPORT"))).doesNotContain("case-4");
		assertThat(this.queue.getCount()).isEqualTo(89);
	}

	@Test
	void ordersStringsExactlyAsMongoJavaServerDoes() {
		List<Object> values = List.of("", "a", "B", "case-10", "case-9", "朝阳区", "海淀区", "\uD83D\uDE00", "\uFF5E", "HRSS",
				7, 7.5, Instant.parse("2026-12-01T00:00:00Z"), true);
		de.bwaldvogel.mongo.backend.ValueComparator mongo = de.bwaldvogel.mongo.backend.ValueComparator.asc();
		for (Object one : values) {
			for (Object other : values) {
				assertThat(Integer.signum(StoreFormat.order(one, other))).as(one + " against " + other)
					.isEqualTo(Integer.signum(mongo.compare(one, other)));
			}
		}
	}

}
