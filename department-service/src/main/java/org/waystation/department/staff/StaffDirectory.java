package org.waystation.department.staff;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.waystation.events.StaffAccountChanged;

/**
 * The staff roster, kept from the identity service's account events, and the round-robin
 * cursor of each department. Who is on duty is the department's own matter.
 */
@Service
public class StaffDirectory {

	private static final Logger log = LoggerFactory.getLogger(StaffDirectory.class);

	private static final String CURSORS = "assignment_cursors";

	private static final String STAFF = "STAFF";

	private static final String SUPERVISOR = "SUPERVISOR";

	private final MongoTemplate mongo;

	private final Clock clock;

	/** Moves the cursors of a round's departments at the same time. */
	private final ExecutorService cursorMoves = Executors.newFixedThreadPool(4, (task) -> {
		Thread thread = new Thread(task, "assignment-cursors");
		thread.setDaemon(true);
		return thread;
	});

	StaffDirectory(MongoTemplate mongo, Optional<Clock> clock) {
		this.mongo = mongo;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Takes an account's latest state; an older or replayed one changes nothing. A new
	 * member of staff starts on duty.
	 */
	public void apply(StaffAccountChanged account) {
		boolean supervisor = account.roles().contains(SUPERVISOR) && account.department() != null
				&& (account.department().equals(account.supervises()) || "*".equals(account.supervises()));
		Update change = new Update().set("name", account.name())
			.set("department", account.department())
			.set("supervisor", supervisor)
			.set("enabled", account.enabled())
			.set("revision", account.revision())
			.set("updatedAt", this.clock.instant())
			.setOnInsert("onDuty", account.roles().contains(STAFF));
		try {
			this.mongo.upsert(
					Query.query(Criteria.where("_id").is(account.username()).and("revision").lt(account.revision())),
					change, StaffMember.class);
		}
		catch (DuplicateKeyException ex) {
			// The roster holds this revision or a newer one already.
		}
		log.info("Roster: {} in {} (revision {}, {})", account.username(), account.department(), account.revision(),
				account.enabled() ? "enabled" : "disabled");
	}

	/** Puts a member of staff on duty or off it. */
	public Optional<StaffMember> setOnDuty(String id, boolean onDuty) {
		return Optional.ofNullable(this.mongo.findAndModify(Query.query(Criteria.where("_id").is(id)),
				new Update().set("onDuty", onDuty).set("updatedAt", this.clock.instant()),
				FindAndModifyOptions.options().returnNew(true), StaffMember.class));
	}

	public Optional<StaffMember> find(String id) {
		return Optional.ofNullable(id).map((staffId) -> this.mongo.findById(staffId, StaffMember.class));
	}

	public List<StaffMember> ofDepartment(String department) {
		return this.mongo.find(Query.query(Criteria.where("department").is(department)), StaffMember.class)
			.stream()
			.sorted(Comparator.comparing(StaffMember::id))
			.toList();
	}

	/** The department's first supervisor, to whom breaches and disputes are escalated. */
	public Optional<StaffMember> supervisorOf(String department) {
		return ofDepartment(department).stream()
			.filter(StaffMember::supervisor)
			.filter(StaffMember::enabled)
			.findFirst();
	}

	/**
	 * The next member of staff on duty in the department, in turn. The cursor is one
	 * atomic counter per department, so instances sharing the database share the turn.
	 */
	public Optional<StaffMember> nextOnDuty(String department) {
		List<StaffMember> next = nextOnDuty(department, 1);
		return next.isEmpty() ? Optional.empty() : Optional.of(next.get(0));
	}

	/**
	 * The next members of staff on duty in the department for this many cases, in turn,
	 * with one move of the cursor; empty when nobody is on duty.
	 */
	public List<StaffMember> nextOnDuty(String department, int cases) {
		return nextOnDuty(Map.of(department, cases)).getOrDefault(department, List.of());
	}

	/**
	 * The next members of staff on duty in each department for its number of cases, in
	 * turn: the departments' rosters read in one round trip and their cursors moved at
	 * the same time (the store commits writes that arrive together at once), one move
	 * each. A department where nobody is on duty gets an empty list.
	 */
	public Map<String, List<StaffMember>> nextOnDuty(Map<String, Integer> casesByDepartment) {
		Map<String, List<StaffMember>> onDuty = new LinkedHashMap<>();
		casesByDepartment.keySet().forEach((department) -> onDuty.put(department, new ArrayList<>()));
		this.mongo.find(Query.query(Criteria.where("department").in(casesByDepartment.keySet())), StaffMember.class)
			.stream()
			.filter(StaffMember::onDuty)
			.filter(StaffMember::enabled)
			.filter((member) -> !member.supervisor())
			.sorted(Comparator.comparing(StaffMember::id))
			.forEach((member) -> onDuty.get(member.department()).add(member));
		Map<String, CompletableFuture<Long>> turns = new LinkedHashMap<>();
		casesByDepartment.forEach((department, cases) -> {
			if (!onDuty.get(department).isEmpty() && cases > 0) {
				turns.put(department,
						(turns.isEmpty() && casesByDepartment.size() == 1)
								? CompletableFuture.completedFuture(move(department, cases))
								: CompletableFuture.supplyAsync(() -> move(department, cases), this.cursorMoves));
			}
		});
		Map<String, List<StaffMember>> next = new LinkedHashMap<>();
		casesByDepartment.forEach((department, cases) -> {
			CompletableFuture<Long> turn = turns.get(department);
			if (turn == null) {
				next.put(department, List.of());
				return;
			}
			long last = join(turn);
			List<StaffMember> members = onDuty.get(department);
			List<StaffMember> inTurn = new ArrayList<>(cases);
			for (long t = last - cases + 1; t <= last; t++) {
				inTurn.add(members.get((int) ((t - 1) % members.size())));
			}
			next.put(department, inTurn);
		});
		return next;
	}

	/** Moves a department's cursor on by this many turns; the last turn taken. */
	private long move(String department, int cases) {
		Document cursor = this.mongo.findAndModify(Query.query(Criteria.where("_id").is(department)),
				new Update().inc("turn", cases), FindAndModifyOptions.options().upsert(true).returnNew(true),
				Document.class, CURSORS);
		return ((Number) cursor.get("turn")).longValue();
	}

	private static long join(CompletableFuture<Long> turn) {
		try {
			return turn.join();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime : ex;
		}
	}

	@PreDestroy
	void stopCursorMoves() {
		this.cursorMoves.shutdown();
	}

}
