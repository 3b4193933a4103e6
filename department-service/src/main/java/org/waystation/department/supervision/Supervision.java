package org.waystation.department.supervision;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.waystation.department.cases.Case;
import org.waystation.department.cases.CaseFilter;
import org.waystation.department.cases.CaseService;
import org.waystation.department.cases.CaseStatus;
import org.waystation.events.SupervisorAlerted;
import org.waystation.support.problem.ProblemException;

/**
 * The supervision worklist (督办): urgent alerts until acknowledged, escalated cases,
 * pending extensions, returned cases, and cases at risk of or past their deadlines.
 */
@Service
public class Supervision {

	private static final Logger log = LoggerFactory.getLogger(Supervision.class);

	/** The statuses in which a case is still someone's to finish (or to close). */
	private static final List<CaseStatus> UNFINISHED = List.of(CaseStatus.OPEN, CaseStatus.SIGNED,
			CaseStatus.IN_PROGRESS, CaseStatus.WAITING_FOR_WORKER, CaseStatus.REOPENED, CaseStatus.RESOLVED,
			CaseStatus.RATED);

	private static final List<CaseStatus> RUNNING = List.of(CaseStatus.OPEN, CaseStatus.SIGNED, CaseStatus.IN_PROGRESS,
			CaseStatus.REOPENED);

	private final MongoTemplate mongo;

	private final CaseService cases;

	private final Clock clock;

	Supervision(MongoTemplate mongo, CaseService cases, Optional<Clock> clock) {
		this.mongo = mongo;
		this.cases = cases;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** Records an urgent alert once; a replay changes nothing. */
	public void record(SupervisorAlerted alerted) {
		try {
			this.mongo.insert(SupervisorAlert.of(alerted));
			log.warn("Urgent appeal {} on the supervisors' worklist of {}", alerted.trackingCode(),
					alerted.department());
		}
		catch (DuplicateKeyException ex) {
			// Recorded already.
		}
	}

	public Optional<SupervisorAlert> alert(String alertId) {
		return Optional.ofNullable(this.mongo.findById(alertId, SupervisorAlert.class));
	}

	/**
	 * Acknowledges an alert, once: of two supervisors acknowledging at the same moment,
	 * one does and the other is told who did.
	 */
	public SupervisorAlert acknowledge(String alertId, String supervisor) {
		SupervisorAlert acknowledged = this.mongo.findAndModify(
				Query.query(Criteria.where("_id").is(alertId).and("acknowledgedAt").is(null)),
				new Update().set("acknowledgedAt", this.clock.instant()).set("acknowledgedBy", supervisor),
				FindAndModifyOptions.options().returnNew(true), SupervisorAlert.class);
		if (acknowledged != null) {
			return acknowledged;
		}
		SupervisorAlert current = alert(alertId)
			.orElseThrow(() -> ProblemException.notFound("alert-not-found", "No alert has id " + alertId));
		throw ProblemException.conflict("already-acknowledged", "The alert was already acknowledged by "
				+ current.acknowledgedBy() + " at " + current.acknowledgedAt());
	}

	/**
	 * What is on the list of each kind asked for, in the departments given ({@code null}:
	 * every one), soonest due first, at most {@code limit} of each kind; and how many
	 * there are of each.
	 */
	public Worklist worklist(List<WorkKind> kinds, String department, int limit) {
		Map<WorkKind, Long> counts = new EnumMap<>(WorkKind.class);
		List<WorkItem> items = new ArrayList<>();
		for (WorkKind kind : kinds) {
			if (kind == WorkKind.URGENT) {
				Criteria open = Criteria.where("acknowledgedAt").is(null);
				if (department != null) {
					open = open.and("department").is(department);
				}
				counts.put(kind, this.mongo.count(Query.query(open), SupervisorAlert.class));
				this.mongo.find(Query.query(open).with(Sort.by("raisedAt")).limit(limit), SupervisorAlert.class)
					.forEach((alert) -> items.add(urgentItem(alert)));
			}
			else {
				CaseService.Page page = this.cases.queue(filterFor(kind, department), 0, limit);
				counts.put(kind, page.total());
				page.cases().forEach((c) -> items.add(caseItem(kind, c)));
			}
		}
		items.sort(Comparator.comparing(WorkItem::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(WorkItem::since, Comparator.nullsLast(Comparator.naturalOrder())));
		return new Worklist(counts, items);
	}

	private static CaseFilter filterFor(WorkKind kind, String department) {
		CaseFilter all = CaseFilter.of(department);
		return switch (kind) {
			case ESCALATED -> all.withStatuses(UNFINISHED).withEscalated(true);
			case EXTENSION_PENDING -> all.withStatuses(UNFINISHED).withExtensionPending(true);
			case RETURNED -> all.withStatuses(List.of(CaseStatus.RETURNED));
			case AT_RISK -> all.withStatuses(RUNNING).withSlaState(Case.SLA_AT_RISK).withOverdue(false);
			case BREACHED -> all.withOverdue(true);
			case URGENT -> throw new IllegalArgumentException("urgent alerts are not cases");
		};
	}

	private WorkItem urgentItem(SupervisorAlert alert) {
		Optional<Case> handled = this.cases.caseOf(alert.appealId(), alert.department());
		return new WorkItem(WorkKind.URGENT, alert.alertId(), handled.map(Case::getId).orElse(null), alert.appealId(),
				alert.trackingCode(), alert.department(), alert.category(), alert.priority(),
				handled.map((c) -> c.getStatus().name()).orElse(null), handled.map(Supervision::dueAt).orElse(null),
				alert.reason(), alert.raisedAt());
	}

	private static WorkItem caseItem(WorkKind kind, Case c) {
		String reason = switch (kind) {
			case EXTENSION_PENDING -> (c.getExtensionRequest() != null)
					? c.getExtensionRequest().extension() + ": " + c.getExtensionRequest().reason() : null;
			case RETURNED -> c.getReturnReason();
			default -> null;
		};
		Instant since = switch (kind) {
			case EXTENSION_PENDING -> (c.getExtensionRequest() != null) ? c.getExtensionRequest().requestedAt() : null;
			case RETURNED -> c.getReturnedAt();
			default -> c.getOpenedAt();
		};
		return new WorkItem(kind, null, c.getId(), c.getAppealId(), c.getTrackingCode(), c.getDepartment(),
				c.getCategory(), c.getPriority(), c.getStatus().name(), dueAt(c), reason, since);
	}

	private static Instant dueAt(Case c) {
		return (c.getStatus() == CaseStatus.OPEN) ? c.getSignDueAt() : c.getResolveDueAt();
	}

	/** The items and how many of each kind there are in all. */
	public record Worklist(Map<WorkKind, Long> counts, List<WorkItem> items) {

	}

}
