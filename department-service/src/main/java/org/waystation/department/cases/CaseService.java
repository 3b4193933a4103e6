package org.waystation.department.cases;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.waystation.events.AppealRouted;
import org.waystation.support.outbox.OutboxWriter;

/**
 * Opens cases from routing decisions and carries out staff actions on them. Each action
 * is a compare-and-set on the case's version, so of two staff acting at once only one
 * wins; the other is told the case changed.
 */
@Service
public class CaseService {

	private static final Logger log = LoggerFactory.getLogger(CaseService.class);

	private final MongoTemplate mongo;

	private final OutboxWriter outbox;

	private final Clock clock;

	CaseService(MongoTemplate mongo, OutboxWriter outbox, Optional<Clock> clock) {
		this.mongo = mongo;
		this.outbox = outbox;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Opens the case for a routed appeal; a replayed {@code AppealRouted} changes
	 * nothing.
	 */
	public void open(AppealRouted routed) {
		if (this.mongo.findById(Case.idFor(routed.appealId(), routed.department()), Case.class) != null) {
			return;
		}
		try {
			Case opened = this.outbox.insert(Case.open(routed, this.clock.instant()));
			log.info("Opened case {} for appeal {} in {}", opened.getId(), routed.trackingCode(), routed.department());
		}
		catch (DuplicateKeyException ex) {
			// Opened by another instance in the meantime.
		}
	}

	public Case sign(String caseId, String staff) {
		return act(caseId, (current) -> current.sign(staff, this.clock.instant()));
	}

	public Case resolve(String caseId, String resolution, String staff) {
		return act(caseId, (current) -> current.resolve(resolution, staff, this.clock.instant()));
	}

	public Optional<Case> find(String caseId) {
		return Optional.ofNullable(this.mongo.findById(caseId, Case.class));
	}

	/** A page of a department's queue, oldest first. */
	public Page queue(String department, CaseStatus status, int page, int size) {
		Criteria criteria = Criteria.where("department").is(department);
		if (status != null) {
			criteria = criteria.and("status").is(status);
		}
		long total = this.mongo.count(Query.query(criteria), Case.class);
		Query query = Query.query(criteria).with(Sort.by("openedAt", "_id")).skip((long) page * size).limit(size);
		return new Page(this.mongo.find(query, Case.class), total);
	}

	private Case act(String caseId, Function<Case, Case.Transition> action) {
		Case current = find(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
		Case.Transition transition = action.apply(current);
		if (!this.outbox.update(Case.class, caseId, current.getVersion(), transition.change(),
				List.of(transition.event()))) {
			throw new ConcurrentChangeException(caseId);
		}
		return find(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
	}

	/** One page of a queue and how many cases the whole queue holds. */
	public record Page(List<Case> cases, long total) {

	}

	/** No case has that id. */
	public static class CaseNotFoundException extends RuntimeException {

		CaseNotFoundException(String caseId) {
			super("No case has id " + caseId);
		}

	}

	/** The case changed between reading and writing: someone else acted on it first. */
	public static class ConcurrentChangeException extends RuntimeException {

		ConcurrentChangeException(String caseId) {
			super("Case " + caseId + " was changed by someone else at the same time; reload it and try again");
		}

	}

}
