package org.waystation.department.staff;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

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
		List<StaffMember> onDuty = ofDepartment(department).stream()
			.filter(StaffMember::onDuty)
			.filter(StaffMember::enabled)
			.filter((member) -> !member.supervisor())
			.toList();
		if (onDuty.isEmpty() || cases < 1) {
			return List.of();
		}
		Document cursor = this.mongo.findAndModify(Query.query(Criteria.where("_id").is(department)),
				new Update().inc("turn", cases), FindAndModifyOptions.options().upsert(true).returnNew(true),
				Document.class, CURSORS);
		long last = ((Number) cursor.get("turn")).longValue();
		List<StaffMember> next = new ArrayList<>(cases);
		for (long turn = last - cases + 1; turn <= last; turn++) {
			next.add(onDuty.get((int) ((turn - 1) % onDuty.size())));
		}
		return next;
	}

}
