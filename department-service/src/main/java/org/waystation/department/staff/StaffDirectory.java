package org.waystation.department.staff;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.bson.Document;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** The staff roster, and the round-robin cursor of each department. */
@Service
public class StaffDirectory {

	private static final String CURSORS = "assignment_cursors";

	private final MongoTemplate mongo;

	private final Clock clock;

	StaffDirectory(MongoTemplate mongo, Optional<Clock> clock) {
		this.mongo = mongo;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	public StaffMember save(String id, String name, String department, boolean supervisor, boolean onDuty) {
		return this.mongo.save(new StaffMember(id, name, department, supervisor, onDuty, this.clock.instant()));
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
		return ofDepartment(department).stream().filter(StaffMember::supervisor).findFirst();
	}

	/** Whether the member of staff supervises the department. */
	public boolean supervises(String staffId, String department) {
		return find(staffId).filter((member) -> member.supervisor() && member.department().equals(department))
			.isPresent();
	}

	/**
	 * The next member of staff on duty in the department, in turn. The cursor is one
	 * atomic counter per department, so instances sharing the database share the turn.
	 */
	public Optional<StaffMember> nextOnDuty(String department) {
		List<StaffMember> onDuty = ofDepartment(department).stream().filter(StaffMember::onDuty).toList();
		if (onDuty.isEmpty()) {
			return Optional.empty();
		}
		Document cursor = this.mongo.findAndModify(Query.query(Criteria.where("_id").is(department)),
				new Update().inc("turn", 1), FindAndModifyOptions.options().upsert(true).returnNew(true),
				Document.class, CURSORS);
		long turn = ((Number) cursor.get("turn")).longValue();
		return Optional.of(onDuty.get((int) ((turn - 1) % onDuty.size())));
	}

}
