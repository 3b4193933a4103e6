package org.waystation.department.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.waystation.department.sla.SlaPolicies;
import org.waystation.department.sla.SlaTerms;
import org.waystation.department.sla.SlaTime;
import org.waystation.department.staff.StaffDirectory;
import org.waystation.department.staff.StaffMember;
import org.waystation.events.AppealRouted;
import org.waystation.events.CaseEvent;
import org.waystation.events.CaseOpened;
import org.waystation.events.CaseRedispatched;
import org.waystation.events.Taxonomy;
import org.waystation.events.WorkerAnswered;
import org.waystation.events.WorkerRated;
import org.waystation.support.outbox.OutboxEntry;
import org.waystation.support.outbox.OutboxWriter;
import org.waystation.support.problem.FieldProblem;
import org.waystation.support.problem.ProblemException;

/**
 * Opens cases and carries out staff actions, worker feedback and SLA checks on them. Each
 * change is a compare-and-set on the case's version, stored with its events in one write:
 * of two staff acting at once only one wins, and the other is told the case changed.
 */
@Service
public class CaseService {

	private static final Logger log = LoggerFactory.getLogger(CaseService.class);

	private static final int FEEDBACK_ATTEMPTS = 5;

	private final MongoTemplate mongo;

	private final OutboxWriter outbox;

	private final SlaPolicies sla;

	private final StaffDirectory staff;

	private final CaseProperties properties;

	private final MeterRegistry meters;

	private final Clock clock;

	private final Taxonomy taxonomy = Taxonomy.standard();

	CaseService(MongoTemplate mongo, OutboxWriter outbox, SlaPolicies sla, StaffDirectory staff,
			CaseProperties properties, MeterRegistry meters, Optional<Clock> clock) {
		this.mongo = mongo;
		this.outbox = outbox;
		this.sla = sla;
		this.staff = staff;
		this.properties = properties;
		this.meters = meters;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	// ---- opening

	/**
	 * Opens the lead case for a routed appeal and a case for each assisting department; a
	 * replayed {@code AppealRouted} finds them open already and changes nothing.
	 */
	public void open(AppealRouted routed) {
		openAll(List.of(routed));
	}

	/**
	 * Opens the cases of routed appeals together: each department's round robin moves
	 * once for all its new cases, and the cases are stored in one round trip. A replayed
	 * {@code AppealRouted} finds its cases open already and changes nothing (it still
	 * moved the round robin on: the next case goes to the one after).
	 */
	public void openAll(List<AppealRouted> routed) {
		Instant now = now();
		List<Case> opening = new ArrayList<>();
		for (AppealRouted each : routed) {
			opening.add(prepare(Case.idFor(each.appealId(), each.department()), each.department(), each.appealType(),
					each.priority(),
					(id, terms, at) -> Case.open(id, each, each.department(), CaseOpened.LEAD, terms, at), now));
			for (String assisting : each.assistingDepartments()) {
				if (!assisting.equals(each.department())) {
					opening.add(prepare(Case.idFor(each.appealId(), assisting), assisting, each.appealType(),
							each.priority(),
							(id, terms, at) -> Case.open(id, each, assisting, CaseOpened.ASSIST, terms, at), now));
				}
			}
		}
		store(opening, now);
	}

	/**
	 * Gives new cases to whoever is next on duty before they are stored, so that each
	 * case, its opening and its assignment are one write, and stores them in one round
	 * trip. No look before: a replay's insert is refused on the id, which is cheaper than
	 * a read each time.
	 */
	private void store(List<Case> opening, Instant now) {
		if (this.properties.autoAssign()) {
			Map<String, List<Case>> byDepartment = new LinkedHashMap<>();
			opening.forEach((c) -> byDepartment.computeIfAbsent(c.getDepartment(), (d) -> new ArrayList<>()).add(c));
			Map<String, Integer> counts = new LinkedHashMap<>();
			byDepartment.forEach((department, cases) -> counts.put(department, cases.size()));
			Map<String, List<StaffMember>> next = this.staff.nextOnDuty(counts);
			byDepartment.forEach((department, cases) -> {
				List<StaffMember> inTurn = next.get(department);
				for (int i = 0; i < inTurn.size(); i++) {
					cases.get(i).assignOnOpening(inTurn.get(i).id(), "system", "ROUND_ROBIN", now);
				}
			});
		}
		opening.forEach((c) -> c.refreshSlaCheck(timeOf(c)));
		this.outbox.insertAll(opening, Case.class).forEach(this::opened);
	}

	/** Opens the case a re-dispatch asks for in the new department. */
	public void open(CaseRedispatched redispatched) {
		Case from = requireCase(redispatched.caseId());
		Instant now = now();
		Case opened = prepare(redispatched.newCaseId(), redispatched.toDepartment(), from.getAppealType(),
				from.getPriority(), (id, terms, at) -> Case.reopenElsewhere(from, redispatched.toDepartment(),
						redispatched.category(), terms, at),
				now);
		store(List.of(opened), now);
	}

	private Case prepare(String id, String department, String appealType, String priority, Opener opener, Instant now) {
		return opener.open(id, this.sla.termsFor(department, appealType, priority, now), now);
	}

	private void opened(Case opened) {
		count(opened.getDepartment(), "CaseOpened");
		if (opened.getAssignee() != null) {
			count(opened.getDepartment(), "CaseAssigned");
		}
		OutboxEntry.withCorrelationOf(opened.getOutbox(),
				() -> log.info("Opened {} case {} for appeal {} in {} (sign by {}, resolve by {}{})", opened.getRole(),
						opened.getId(), opened.getTrackingCode(), opened.getDepartment(), opened.getSignDueAt(),
						opened.getResolveDueAt(),
						(opened.getAssignee() != null) ? ", assigned to " + opened.getAssignee() : ""));
	}

	@FunctionalInterface
	private interface Opener {

		Case open(String id, SlaTerms terms, Instant now);

	}

	// ---- staff actions

	/** A member of staff takes the case for themselves. */
	public Case claim(String caseId, String staffId) {
		return act(caseId, (c) -> c.assign(staffId, staffId, "CLAIM", now()));
	}

	/**
	 * A supervisor gives the case to a member of the department's staff (on the roster).
	 */
	public Case assign(String caseId, String staffId, String supervisorId) {
		StaffMember member = staffOf(caseId, staffId);
		return act(caseId, (c) -> c.assign(member.id(), supervisorId, "SUPERVISOR", now()));
	}

	public Case assignRoundRobin(String caseId) {
		Case current = requireCase(caseId);
		StaffMember member = this.staff.nextOnDuty(current.getDepartment())
			.orElseThrow(() -> new IllegalTransitionException("assign", current.getStatus(),
					"nobody in " + current.getDepartment() + " is on duty"));
		return act(caseId, (c) -> c.assign(member.id(), "system", "ROUND_ROBIN", now()));
	}

	public Case sign(String caseId, String staffName) {
		return act(caseId, (c) -> c.sign(staffName, now()));
	}

	public Case start(String caseId, String staffName) {
		return act(caseId, (c) -> c.start(staffName, now()));
	}

	public Case note(String caseId, String text, String staffName) {
		return act(caseId, (c) -> {
			c.note(text, staffName, now());
			return List.of();
		});
	}

	public Case reply(String caseId, String text, String staffName) {
		return act(caseId, (c) -> c.reply(text, staffName, now()));
	}

	public Case requestInfo(String caseId, String question, String staffName) {
		return act(caseId, (c) -> c.requestInfo(question, staffName, now()));
	}

	/**
	 * Asks for more time; the extensions of a case add up to at most the time its policy
	 * allows to resolve it.
	 */
	public Case requestExtension(String caseId, Duration extension, String reason, String staffName) {
		return act(caseId,
				(c) -> c.requestExtension(extension, reason, staffName,
						this.sla.termsFor(c.getDepartment(), c.getAppealType(), c.getPriority(), now()).resolveWithin(),
						now()));
	}

	public Case decideExtension(String caseId, String supervisorId, boolean approve, String reason) {
		return act(caseId, (c) -> approve ? c.approveExtension(supervisorId, timeOf(c), now())
				: c.rejectExtension(supervisorId, reason, now()));
	}

	public Case returnCase(String caseId, String reason, String basis, String staffName) {
		return act(caseId, (c) -> c.returnCase(reason, basis, staffName, this.sla.calendar(),
				this.sla.calendar().workingDay(), now()));
	}

	/** The triage desk rejects a return: the case goes back to its department. */
	public Case rejectReturn(String caseId, String reason, String staffName) {
		return act(caseId, (c) -> c.rejectReturn(reason, staffName, now()));
	}

	public Case redispatch(String caseId, String toDepartment, String category, String staffName, String note) {
		return act(caseId, (c) -> c.redispatch(toDepartment, category, staffName, note, now()));
	}

	public Case resolve(String caseId, String resolution, String staffName) {
		return act(caseId, (c) -> c.resolve(resolution, staffName, this.properties.ratingWindow(), now()));
	}

	public Case close(String caseId, String supervisorId, boolean resolved, String reason) {
		return act(caseId, (c) -> c.close(supervisorId, resolved, reason, now()));
	}

	public Case merge(String caseId, String intoCaseId, String staffName) {
		Case primary = requireCase(intoCaseId);
		return act(caseId, (c) -> c.mergeInto(primary, staffName, now()));
	}

	// ---- worker feedback

	public void answer(WorkerAnswered answered) {
		feedback(answered.caseId(),
				(c) -> c.provideInfo(answered.eventId().toString(), answered.answer(), timeOf(c), now()));
	}

	public void rate(WorkerRated rated) {
		Rating rating = Rating.valueOf(rated.rating());
		feedback(rated.caseId(), (c) -> {
			SlaTerms terms = this.sla.termsFor(c.getDepartment(), c.getAppealType(), c.getPriority(), now());
			String supervisor = this.staff.supervisorOf(c.getDepartment()).map(StaffMember::id).orElse(null);
			return c.rate(rated.eventId().toString(), rating, rated.comment(), timeOf(c), terms.resolveWithin(),
					supervisor, now());
		});
	}

	/**
	 * Applies worker feedback, retrying when staff changed the case at the same moment.
	 * Feedback the case cannot take (a second answer, a rating of a case not resolved) is
	 * logged and dropped: the worker's side already told them.
	 */
	private void feedback(String caseId, Function<Case, List<CaseEvent>> action) {
		for (int attempt = 1; attempt <= FEEDBACK_ATTEMPTS; attempt++) {
			try {
				if (tryAct(caseId, action)) {
					return;
				}
			}
			catch (IllegalTransitionException | CaseNotFoundException ex) {
				log.warn("Worker feedback on case {} not applied: {}", caseId, ex.getMessage());
				return;
			}
		}
		throw new ConcurrentChangeException(caseId);
	}

	// ---- SLA

	/**
	 * The cases with an SLA milestone (or the end of the rating window) at or before now.
	 */
	public List<String> dueForSlaCheck(int limit) {
		Query due = Query.query(Criteria.where("nextSlaCheckAt").lte(now())).limit(limit);
		due.fields().include("_id");
		return this.mongo.find(due, Case.class).stream().map(Case::getId).toList();
	}

	/**
	 * Fires what has passed on one case; a concurrent change leaves it for the next
	 * round.
	 */
	public void checkSla(String caseId) {
		tryAct(caseId, (c) -> {
			String supervisor = this.staff.supervisorOf(c.getDepartment()).map(StaffMember::id).orElse(null);
			return c.checkSla(timeOf(c), supervisor, this.properties.ratingWindow(), now());
		});
	}

	// ---- queries

	public Optional<Case> find(String caseId) {
		return Optional.ofNullable(this.mongo.findById(caseId, Case.class));
	}

	/** The case a department has for an appeal, if it has one. */
	public Optional<Case> caseOf(String appealId, String department) {
		return find(Case.idFor(appealId, department));
	}

	/** The cases merged into this one. */
	public List<Case> mergedInto(String caseId) {
		return this.mongo.find(Query.query(Criteria.where("mergedInto").is(caseId)), Case.class);
	}

	/**
	 * Every case of the case's appeal, itself included, oldest first: the lead and the
	 * assisting cases, and the cases re-dispatches opened. Found by their ids, which
	 * follow from the appeal, so it costs the same however many cases are stored.
	 */
	public List<Case> ofSameAppeal(Case c) {
		List<String> ids = new ArrayList<>();
		ids.add(Case.idFor(c.getAppealId(), Taxonomy.TRIAGE));
		this.taxonomy.departments().forEach((d) -> ids.add(Case.idFor(c.getAppealId(), d.code())));
		Map<String, Case> found = new LinkedHashMap<>();
		List<Case> round = this.mongo.find(Query.query(Criteria.where("_id").in(ids)), Case.class);
		while (!round.isEmpty()) {
			List<String> next = new ArrayList<>();
			for (Case each : round) {
				if (found.putIfAbsent(each.getId(), each) == null && each.getRedispatchedTo() != null) {
					next.add(Case.redispatchIdFor(each.getId(), each.getRedispatchedTo()));
				}
			}
			next.removeAll(found.keySet());
			round = next.isEmpty() ? List.of()
					: this.mongo.find(Query.query(Criteria.where("_id").in(next)), Case.class);
		}
		return found.values()
			.stream()
			.sorted(Comparator.comparing(Case::getOpenedAt).thenComparing(Case::getId))
			.toList();
	}

	/** How many cases match each of several filters. */
	public long count(CaseFilter filter) {
		return this.mongo.count(Query.query(filter.toCriteria(now())), Case.class);
	}

	/** A page of a department's queue (or of every department's), sorted and filtered. */
	public Page queue(CaseFilter filter, int page, int size) {
		Criteria criteria = filter.toCriteria(now());
		long total = this.mongo.count(Query.query(criteria), Case.class);
		Query query = Query.query(criteria)
			.with(filter.sort().and(Sort.by("_id")))
			.skip((long) page * size)
			.limit(size);
		return new Page(this.mongo.find(query, Case.class), total);
	}

	// ---- plumbing

	private Case act(String caseId, Function<Case, List<CaseEvent>> action) {
		if (!tryAct(caseId, action)) {
			throw new ConcurrentChangeException(caseId);
		}
		return requireCase(caseId);
	}

	/**
	 * @return false when the case changed between reading and writing
	 */
	private boolean tryAct(String caseId, Function<Case, List<CaseEvent>> action) {
		Case current = requireCase(caseId);
		long version = current.getVersion();
		List<CaseEvent> events = new ArrayList<>(action.apply(current));
		current.refreshSlaCheck(timeOf(current));
		if (!this.outbox.save(current, caseId, version, events)) {
			return false;
		}
		events.forEach((event) -> count(event.department(), event.type()));
		return true;
	}

	private void count(String department, String type) {
		this.meters.counter("waystation.cases.events", "department", department, "type", type).increment();
	}

	private Case requireCase(String caseId) {
		return find(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
	}

	private StaffMember staffOf(String caseId, String staffId) {
		Case current = requireCase(caseId);
		return this.staff.find(staffId)
			.filter((member) -> member.department().equals(current.getDepartment()))
			.orElseThrow(
					() -> new NotOnRosterException("No member of staff " + staffId + " in " + current.getDepartment()));
	}

	private SlaTime timeOf(Case c) {
		return this.sla.timeOf(c.getSlaClock());
	}

	private Instant now() {
		return this.clock.instant();
	}

	/** One page of a queue and how many cases the whole queue holds. */
	public record Page(List<Case> cases, long total) {

	}

	/** No case has that id. */
	public static class CaseNotFoundException extends ProblemException {

		CaseNotFoundException(String caseId) {
			super(Kind.NOT_FOUND, "case-not-found", "No case has id " + caseId);
		}

	}

	/** The case changed between reading and writing: someone else acted on it first. */
	public static class ConcurrentChangeException extends ProblemException {

		ConcurrentChangeException(String caseId) {
			super(Kind.CONFLICT, "concurrent-change",
					"Case " + caseId + " was changed by someone else at the same time; reload it and try again");
		}

	}

	/** The member of staff is not one the case can be given to. */
	public static class NotOnRosterException extends ProblemException {

		NotOnRosterException(String message) {
			super(Kind.INVALID, "invalid-request", "Invalid request: assignee " + message,
					java.util.List.of(new FieldProblem("assignee", message)), null);
		}

	}

}
