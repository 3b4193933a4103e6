package org.waystation.intake.tracking;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.waystation.events.AppealRouted;
import org.waystation.events.CaseEvent;
import org.waystation.events.CaseExtended;
import org.waystation.events.CaseInfoProvided;
import org.waystation.events.CaseInfoRequested;
import org.waystation.events.CaseMerged;
import org.waystation.events.CaseOpened;
import org.waystation.events.CaseRated;
import org.waystation.events.CaseRedispatched;
import org.waystation.events.CaseReopened;
import org.waystation.events.CaseReplied;
import org.waystation.events.CaseResolved;
import org.waystation.events.Event;
import org.waystation.intake.appeal.AppealStatus;
import org.waystation.intake.appeal.PendingQuestion;
import org.waystation.intake.appeal.TimelineEntry;

/**
 * What an event changes in the worker's tracking view: the timeline entry it adds, the
 * fields it sets or clears, and the status it moves the appeal to when it comes from the
 * lead case. Events the worker has no business seeing (assignments, SLA warnings,
 * internal requests) change nothing.
 */
record TrackingUpdate(TimelineEntry entry, AppealStatus status, Map<String, Object> fields,
		Map<String, Object> leadFields, boolean opensLead) {

	/** The update for an event, or empty when it means nothing to the worker. */
	static Optional<TrackingUpdate> of(Event event) {
		if (event instanceof AppealRouted routed) {
			return Optional.of(new TrackingUpdate(entry(event, AppealStatus.ROUTED, routed.department(), null, null),
					AppealStatus.ROUTED, fields("category", routed.category()),
					fields("department", routed.department()), false));
		}
		if (!(event instanceof CaseEvent caseEvent) || !isVisibleToWorker(caseEvent)) {
			return Optional.empty();
		}
		boolean opensLead = caseEvent instanceof CaseOpened opened && CaseOpened.LEAD.equals(opened.role());
		AppealStatus status = AppealStatus.ofCaseStatus(caseEvent.status());
		Map<String, Object> fields = new LinkedHashMap<>();
		Map<String, Object> lead = new LinkedHashMap<>();
		String note = null;
		Instant dueAt = null;
		if (opensLead) {
			CaseOpened opened = (CaseOpened) caseEvent;
			fields.putAll(fields("leadCaseId", opened.caseId(), "caseId", opened.caseId(), "department",
					opened.department(), "resolveDueAt", opened.resolveDueAt()));
			dueAt = opened.resolveDueAt();
		}
		else if (caseEvent instanceof CaseReplied replied) {
			note = replied.reply();
		}
		else if (caseEvent instanceof CaseInfoRequested requested) {
			note = requested.question();
			fields.put("pendingQuestion",
					new PendingQuestion(requested.caseId(), requested.question(), requested.occurredAt(), false));
		}
		else if (caseEvent instanceof CaseInfoProvided provided) {
			note = provided.answer();
			fields.put("pendingQuestion", null);
			lead.put("resolveDueAt", provided.resolveDueAt());
			dueAt = provided.resolveDueAt();
		}
		else if (caseEvent instanceof CaseExtended extended) {
			lead.put("resolveDueAt", extended.resolveDueAt());
			note = extended.reason();
			dueAt = extended.resolveDueAt();
		}
		else if (caseEvent instanceof CaseResolved resolved) {
			note = resolved.resolution();
			lead.putAll(fields("resolution", resolved.resolution(), "ratingCaseId", resolved.caseId()));
		}
		else if (caseEvent instanceof CaseRated rated) {
			note = rated.rating();
			fields.putAll(fields("rating", rated.rating(), "ratingCaseId", null));
		}
		else if (caseEvent instanceof CaseReopened reopened) {
			lead.putAll(fields("resolveDueAt", reopened.resolveDueAt(), "resolution", null));
			dueAt = reopened.resolveDueAt();
		}
		else if (caseEvent instanceof CaseRedispatched redispatched) {
			note = redispatched.toDepartment();
		}
		else if (caseEvent instanceof CaseMerged merged) {
			note = merged.intoTrackingCode();
			fields.put("mergedIntoTrackingCode", merged.intoTrackingCode());
		}
		return Optional.of(new TrackingUpdate(entry(event, status, caseEvent.department(), note, dueAt), status, fields,
				lead, opensLead));
	}

	private static boolean isVisibleToWorker(CaseEvent event) {
		return switch (event.type()) {
			case "CaseOpened" -> CaseOpened.LEAD.equals(((CaseOpened) event).role());
			case "CaseSigned", "CaseStarted", "CaseReplied", "CaseInfoRequested", "CaseInfoProvided", "CaseExtended",
					"CaseReturned", "CaseRedispatched", "CaseResolved", "CaseRated", "CaseReopened", "CaseClosed",
					"CaseMerged" ->
				true;
			default -> false;
		};
	}

	private static Map<String, Object> fields(Object... keysAndValues) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return fields;
	}

	private static TimelineEntry entry(Event event, AppealStatus status, String department, String note,
			Instant dueAt) {
		return new TimelineEntry(event.eventId().toString(), event.type(), status, event.occurredAt(), department, note,
				dueAt);
	}

}
