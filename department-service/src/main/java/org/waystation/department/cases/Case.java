package org.waystation.department.cases;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;
import org.waystation.department.sla.ClockMode;
import org.waystation.department.sla.SlaTerms;
import org.waystation.department.sla.SlaTime;
import org.waystation.events.AppealRouted;
import org.waystation.events.CaseAssigned;
import org.waystation.events.CaseClosed;
import org.waystation.events.CaseEnvelope;
import org.waystation.events.CaseEscalated;
import org.waystation.events.CaseEvent;
import org.waystation.events.CaseExtended;
import org.waystation.events.CaseExtensionRejected;
import org.waystation.events.CaseExtensionRequested;
import org.waystation.events.CaseInfoProvided;
import org.waystation.events.CaseInfoRequested;
import org.waystation.events.CaseMerged;
import org.waystation.events.CaseOpened;
import org.waystation.events.CaseRated;
import org.waystation.events.CaseRedispatched;
import org.waystation.events.CaseReopened;
import org.waystation.events.CaseReplied;
import org.waystation.events.CaseResolved;
import org.waystation.events.CaseReturnRejected;
import org.waystation.events.CaseReturned;
import org.waystation.events.CaseSigned;
import org.waystation.events.CaseStarted;
import org.waystation.events.SlaBreached;
import org.waystation.events.SlaWarning;
import org.waystation.events.Taxonomy;
import org.waystation.support.outbox.OutboxEntry;

/**
 * One department's handling of an appeal (工单). The case decides which actions its status
 * allows, applies them to itself and returns the events they cause; the service stores
 * the new state and the events together. It keeps the deadlines of its SLA clocks (sign
 * for, resolve); {@link SlaClock} works out their milestones.
 */
@Document("cases")
@CompoundIndexes({ @CompoundIndex(name = "queue", def = "{'department': 1, 'status': 1, 'resolveDueAt': 1}"),
		@CompoundIndex(name = "sla", def = "{'nextSlaCheckAt': 1}"),
		@CompoundIndex(name = "opened", def = "{'openedAt': 1}"),
		@CompoundIndex(name = "merged", def = "{'mergedInto': 1}"),
		@CompoundIndex(name = "tally", def = "{'kpiTallied': 1, 'status': 1, 'openedAt': 1}") })
public class Case {

	public static final String SLA_ON_TIME = "ON_TIME";

	public static final String SLA_PAST_HALF = "PAST_HALF";

	public static final String SLA_AT_RISK = "AT_RISK";

	public static final String SLA_BREACHED = "BREACHED";

	public static final String SLA_PAUSED = "PAUSED";

	@Id
	private String id;

	private String appealId;

	private String trackingCode;

	private String department;

	private String role;

	private String category;

	private String appealType;

	private String priority;

	private String district;

	/** The office the routing rule named, on the lead case. */
	private String office;

	/** An earlier appeal from the same worker about the same thing (并单 suggestion). */
	private String duplicateOf;

	/** The classifier's three likeliest categories, for the triage desk. */
	private List<AppealRouted.Suggestion> suggestions = new ArrayList<>();

	/** What the worker submitted, exactly. */
	private CaseFacts.Submission submission;

	/** Why routing sent it here. */
	private CaseFacts.Routing routing;

	/** The case this one was re-dispatched from, if any. */
	private String redispatchedFrom;

	private String correlationId;

	private CaseStatus status;

	private String assignee;

	private Instant openedAt;

	private Instant signedAt;

	private String signedBy;

	private Instant resolvedAt;

	private String resolvedBy;

	private String resolution;

	private Boolean resolvedOnTime;

	private Instant closedAt;

	private Boolean closedResolved;

	private String slaPolicy;

	private ClockMode slaClock;

	private Duration signAllowed;

	private Duration resolveAllowed;

	private Instant signDueAt;

	private Instant resolveDueAt;

	private Instant pausedAt;

	private int resolveCycle;

	private List<String> slaFired = new ArrayList<>();

	private Instant nextSlaCheckAt;

	/**
	 * How far its running clocks have gone: {@code ON_TIME}, {@code PAST_HALF},
	 * {@code AT_RISK} (past 80 %), {@code BREACHED}, {@code PAUSED}; {@code null} when
	 * none runs.
	 */
	private String slaState;

	private boolean escalated;

	private String pendingQuestion;

	private ExtensionRequest extensionRequest;

	private String returnReason;

	private String returnBasis;

	private Instant returnedAt;

	/** The status the case had when it was returned, which a rejected return restores. */
	private CaseStatus statusBeforeReturn;

	private boolean returnRejected;

	/** The extensions approved so far, added up. */
	private Duration extendedBy;

	private String redispatchedTo;

	private String rating;

	private String ratingComment;

	private int dissatisfiedCount;

	private int reopenCount;

	private String mergedInto;

	private List<CaseNote> notes = new ArrayList<>();

	/** Every step, in order; entries are only ever added. */
	private List<CaseHistoryEntry> history = new ArrayList<>();

	/** Worker feedback events already applied, so that a replay changes nothing. */
	private List<String> feedbackEventIds = new ArrayList<>();

	private List<OutboxEntry> outbox = new ArrayList<>();

	/**
	 * Whether the KPI tallies count this case: set (by the KPI tallies, never by the
	 * case) once the case is settled. Written false when the case opens so that the cases
	 * not yet counted can be found by index.
	 */
	private boolean kpiTallied;

	@Version
	private Long version;

	protected Case() {
	}

	/**
	 * The id of the case a department has for an appeal: opening it twice finds the same
	 * id.
	 */
	static String idFor(String appealId, String department) {
		return uuid("case|" + appealId + "|" + department);
	}

	/**
	 * The id of the case a re-dispatch opens: one per re-dispatched case and department.
	 */
	static String redispatchIdFor(String fromCaseId, String department) {
		return uuid("redispatch|" + fromCaseId + "|" + department);
	}

	private static String uuid(String name) {
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
	}

	/**
	 * A new case in a department's queue, for the appeal routing sent to it, with its
	 * deadlines and its {@code CaseOpened} event.
	 */
	static Case open(String id, AppealRouted routed, String department, String role, SlaTerms terms, Instant now) {
		return open(id,
				new Opening(routed.appealId(), routed.trackingCode(), routed.correlationId(), routed.category(),
						routed.appealType(), routed.priority(), routed.district(),
						department.equals(routed.department()) ? routed.office() : null, routed.duplicateOf(),
						routed.suggestions(),
						new CaseFacts.Submission(routed.text(), routed.channel(), routed.stationId(),
								routed.submittedAt(), routed.workerId()),
						new CaseFacts.Routing(routed.confidence(), routed.matchedKeywords(), routed.explanation(),
								routed.explanationEn(), routed.policy(), routed.routingRuleId()),
						null),
				department, role, terms, now);
	}

	/**
	 * The same appeal opened again in another department after a re-dispatch, in the
	 * category triage chose (the case's own if none).
	 */
	static Case reopenElsewhere(Case from, String department, String category, SlaTerms terms, Instant now) {
		return open(redispatchIdFor(from.id, department),
				new Opening(from.appealId, from.trackingCode, from.correlationId,
						(category != null) ? category : from.category, from.appealType, from.priority, from.district,
						null, null, List.of(), from.submission, null, from.id),
				department, from.role, terms, now);
	}

	private static Case open(String id, Opening opening, String department, String role, SlaTerms terms, Instant now) {
		Case opened = new Case();
		opened.id = id;
		opened.appealId = opening.appealId();
		opened.trackingCode = opening.trackingCode();
		opened.department = department;
		opened.role = role;
		opened.category = opening.category();
		opened.appealType = opening.appealType();
		opened.priority = opening.priority();
		opened.district = opening.district();
		opened.office = opening.office();
		opened.duplicateOf = opening.duplicateOf();
		opened.suggestions = new ArrayList<>(opening.suggestions());
		opened.submission = opening.submission();
		opened.routing = opening.routing();
		opened.redispatchedFrom = opening.redispatchedFrom();
		opened.correlationId = opening.correlationId();
		opened.status = CaseStatus.OPEN;
		opened.openedAt = now;
		opened.slaPolicy = terms.policyId();
		opened.slaClock = terms.clock();
		opened.signAllowed = terms.signWithin();
		opened.resolveAllowed = terms.resolveWithin();
		opened.signDueAt = terms.signDueAt();
		opened.resolveDueAt = terms.resolveDueAt();
		opened.record(CaseHistoryEntry.OPENED, now, (opening.redispatchedFrom() != null) ? "triage" : "routing", null,
				role, opened.resolveDueAt, false);
		opened.outbox.add(OutboxEntry.of(new CaseOpened(opened.envelope(now), opened.category, opened.appealType,
				opened.priority, role, opened.district, opened.signDueAt, opened.resolveDueAt)));
		return opened;
	}

	/** What a new case starts from: the appeal and how it was classified. */
	private record Opening(String appealId, String trackingCode, String correlationId, String category,
			String appealType, String priority, String district, String office, String duplicateOf,
			List<AppealRouted.Suggestion> suggestions, CaseFacts.Submission submission, CaseFacts.Routing routing,
			String redispatchedFrom) {

	}

	/**
	 * Gives a case not yet stored to a member of staff: its assignment goes out after its
	 * opening, from the same write.
	 */
	void assignOnOpening(String staff, String by, String mode, Instant now) {
		for (CaseEvent event : assign(staff, by, mode, now)) {
			this.outbox.add(OutboxEntry.of(event));
		}
	}

	// ---- staff actions

	List<CaseEvent> assign(String staff, String by, String mode, Instant now) {
		require("assign", CaseStatus.ACTIVE, "it is no longer being handled");
		this.assignee = staff;
		record(CaseHistoryEntry.ASSIGNED, now, by, null, staff + " (" + mode + ")", null, true);
		return List.of(new CaseAssigned(envelope(now), staff, by, mode));
	}

	/** Sign for the case (签收). Only an open case can be signed for. */
	List<CaseEvent> sign(String staff, Instant now) {
		if (this.status != CaseStatus.OPEN) {
			throw new IllegalTransitionException("sign for", this.status,
					(this.status == CaseStatus.SIGNED) ? "it was already signed for" : "only an open case can be");
		}
		this.status = CaseStatus.SIGNED;
		this.signedAt = now;
		this.signedBy = staff;
		if (this.assignee == null) {
			this.assignee = staff;
		}
		record(CaseHistoryEntry.SIGNED, now, staff, null, null, null, false);
		return List.of(new CaseSigned(envelope(now), staff));
	}

	/** Start handling (办理). */
	List<CaseEvent> start(String staff, Instant now) {
		require("start handling", EnumSet.of(CaseStatus.SIGNED, CaseStatus.REOPENED),
				"it must be signed for (or reopened) first");
		this.status = CaseStatus.IN_PROGRESS;
		record(CaseHistoryEntry.STARTED, now, staff, null, null, null, false);
		return List.of(new CaseStarted(envelope(now), staff));
	}

	/**
	 * An internal note for colleagues; the worker never sees it. A closed, merged or
	 * re-dispatched case takes no more notes: its record is complete.
	 */
	void note(String text, String staff, Instant now) {
		if (this.status == CaseStatus.CLOSED || this.status == CaseStatus.MERGED
				|| this.status == CaseStatus.REDISPATCHED) {
			throw new IllegalTransitionException("add a note to", this.status, "its record is complete");
		}
		this.notes.add(new CaseNote(CaseNote.NOTE, staff, text, now));
		record(CaseHistoryEntry.NOTE, now, staff, text, null, null, true);
	}

	/** A reply the worker reads; handling starts if it had not. */
	List<CaseEvent> reply(String text, String staff, Instant now) {
		require("reply on", EnumSet.of(CaseStatus.SIGNED, CaseStatus.IN_PROGRESS, CaseStatus.REOPENED,
				CaseStatus.WAITING_FOR_WORKER), "sign for it first");
		if (this.status != CaseStatus.WAITING_FOR_WORKER) {
			this.status = CaseStatus.IN_PROGRESS;
		}
		this.notes.add(new CaseNote(CaseNote.REPLY, staff, text, now));
		record(CaseHistoryEntry.REPLY, now, staff, text, null, null, false);
		return List.of(new CaseReplied(envelope(now), text, staff));
	}

	/** Ask the worker for information; the resolve clock pauses until they answer. */
	List<CaseEvent> requestInfo(String question, String staff, Instant now) {
		require("ask the worker on", CaseStatus.HANDLING, "sign for it first");
		this.status = CaseStatus.WAITING_FOR_WORKER;
		this.pendingQuestion = question;
		this.pausedAt = now;
		record(CaseHistoryEntry.QUESTION, now, staff, question, null, null, false);
		return List.of(new CaseInfoRequested(envelope(now), question, staff));
	}

	/**
	 * The worker's answer: handling resumes and the resolve deadline moves by the time
	 * the clock was paused, counted the way the clock counts.
	 */
	List<CaseEvent> provideInfo(String feedbackEventId, String answer, SlaTime time, Instant now) {
		if (alreadyApplied(feedbackEventId)) {
			return List.of();
		}
		require("take an answer on", EnumSet.of(CaseStatus.WAITING_FOR_WORKER), "no question is waiting");
		this.resolveDueAt = SlaClock.resumed(this.resolveDueAt, this.pausedAt, now, time);
		this.status = CaseStatus.IN_PROGRESS;
		this.pendingQuestion = null;
		this.pausedAt = null;
		this.notes.add(new CaseNote(CaseNote.ANSWER, CaseNote.WORKER, answer, now));
		record(CaseHistoryEntry.ANSWER, now, CaseNote.WORKER, answer, null, this.resolveDueAt, false);
		return List.of(new CaseInfoProvided(envelope(now), answer, this.resolveDueAt));
	}

	/**
	 * Ask for more time (延期); only a supervisor's approval moves the deadline. All the
	 * extensions of a case together may not exceed the time the policy allows to resolve
	 * it.
	 * @param limit the time the case's policy allows to resolve
	 */
	List<CaseEvent> requestExtension(Duration extension, String reason, String staff, Duration limit, Instant now) {
		require("extend", EnumSet.of(CaseStatus.SIGNED, CaseStatus.IN_PROGRESS, CaseStatus.WAITING_FOR_WORKER,
				CaseStatus.REOPENED), "only a case being handled can be extended");
		if (this.extensionRequest != null) {
			throw new IllegalTransitionException("extend", this.status, "an extension request is already waiting");
		}
		Duration granted = (this.extendedBy != null) ? this.extendedBy : Duration.ZERO;
		if (granted.plus(extension).compareTo(limit) > 0) {
			throw new ExtensionTooLongException(extension, limit, granted);
		}
		this.extensionRequest = new ExtensionRequest(extension, reason, staff, now);
		record(CaseHistoryEntry.EXTENSION_REQUESTED, now, staff, reason, extension.toString(), null, true);
		return List.of(new CaseExtensionRequested(envelope(now), staff, extension.toString(), reason));
	}

	List<CaseEvent> approveExtension(String supervisor, SlaTime time, Instant now) {
		ExtensionRequest request = pendingExtension("approve an extension of");
		this.resolveDueAt = time.plus(this.resolveDueAt, request.extension());
		this.resolveAllowed = this.resolveAllowed.plus(request.extension());
		this.extendedBy = ((this.extendedBy != null) ? this.extendedBy : Duration.ZERO).plus(request.extension());
		this.extensionRequest = null;
		record(CaseHistoryEntry.EXTENSION_APPROVED, now, supervisor, request.reason(), request.extension().toString(),
				this.resolveDueAt, false);
		return List.of(new CaseExtended(envelope(now), supervisor, request.extension().toString(), this.resolveDueAt,
				request.reason()));
	}

	List<CaseEvent> rejectExtension(String supervisor, String reason, Instant now) {
		ExtensionRequest request = pendingExtension("reject an extension of");
		this.extensionRequest = null;
		record(CaseHistoryEntry.EXTENSION_REJECTED, now, supervisor, reason, request.extension().toString(), null,
				true);
		return List.of(new CaseExtensionRejected(envelope(now), supervisor, reason));
	}

	/**
	 * Return the case (退单) as not the department's own: before signing for it, or within
	 * one working day of signing, with a reason and its basis. Triage reviews it; a case
	 * whose return triage rejected cannot be returned again.
	 */
	List<CaseEvent> returnCase(String reason, String basis, String staff, SlaTime workingTime, Duration limit,
			Instant now) {
		require("return", EnumSet.of(CaseStatus.OPEN, CaseStatus.SIGNED, CaseStatus.IN_PROGRESS),
				"only a case not yet answered can be returned");
		if (this.signedAt != null && workingTime.between(this.signedAt, now).compareTo(limit) > 0) {
			throw new IllegalTransitionException("return", this.status,
					"a case can be returned only within one working day of signing for it");
		}
		if (this.returnRejected) {
			throw new IllegalTransitionException("return", this.status,
					"the triage desk already rejected a return of this case");
		}
		this.statusBeforeReturn = this.status;
		this.status = CaseStatus.RETURNED;
		this.returnReason = reason;
		this.returnBasis = basis;
		this.returnedAt = now;
		record(CaseHistoryEntry.RETURNED, now, staff, reason, basis, null, true);
		return List.of(new CaseReturned(envelope(now), reason, staff, basis));
	}

	/**
	 * The triage desk rejects the return: the case goes back to the department in the
	 * status it had, with its deadlines as they were (its clocks kept running).
	 */
	List<CaseEvent> rejectReturn(String reason, String staff, Instant now) {
		require("reject the return of", EnumSet.of(CaseStatus.RETURNED), "only a returned case can be");
		this.status = (this.statusBeforeReturn != null) ? this.statusBeforeReturn : CaseStatus.OPEN;
		this.statusBeforeReturn = null;
		this.returnRejected = true;
		record(CaseHistoryEntry.RETURN_REJECTED, now, staff, reason, null, null, true);
		return List.of(new CaseReturnRejected(envelope(now), staff, reason));
	}

	/**
	 * Triage sends a returned case (or one of its own) to another department (改派),
	 * optionally naming the category the new case should have.
	 */
	List<CaseEvent> redispatch(String toDepartment, String category, String staff, String note, Instant now) {
		boolean triageOwnCase = Taxonomy.TRIAGE.equals(this.department) && this.status.isActive();
		if (this.status != CaseStatus.RETURNED && !triageOwnCase) {
			throw new IllegalTransitionException("re-dispatch", this.status,
					"only returned cases, or triage's own open cases, can be re-dispatched");
		}
		if (toDepartment.equals(this.department)) {
			throw new IllegalTransitionException("re-dispatch", this.status, "it is already in " + toDepartment);
		}
		this.status = CaseStatus.REDISPATCHED;
		this.redispatchedTo = toDepartment;
		this.nextSlaCheckAt = null;
		record(CaseHistoryEntry.REDISPATCHED, now, staff, note,
				(category != null) ? toDepartment + " / " + category : toDepartment, null, false);
		return List.of(new CaseRedispatched(envelope(now), toDepartment, redispatchIdFor(this.id, toDepartment), staff,
				note, category));
	}

	/** Resolve (办结) with a written resolution the worker reads. */
	List<CaseEvent> resolve(String resolution, String staff, Duration ratingWindow, Instant now) {
		if (this.status == CaseStatus.OPEN) {
			throw new IllegalTransitionException("resolve", this.status, "it must be signed for first");
		}
		require("resolve", CaseStatus.HANDLING, (this.status == CaseStatus.WAITING_FOR_WORKER)
				? "it is waiting for the worker's answer" : "it is already resolved or no longer being handled");
		this.status = CaseStatus.RESOLVED;
		this.resolvedAt = now;
		this.resolvedBy = staff;
		this.resolution = resolution;
		this.resolvedOnTime = !now.isAfter(this.resolveDueAt);
		this.extensionRequest = null;
		this.nextSlaCheckAt = now.plus(ratingWindow);
		record(CaseHistoryEntry.RESOLVED, now, staff, resolution, this.resolvedOnTime ? "ON_TIME" : "LATE", null,
				false);
		return List.of(new CaseResolved(envelope(now), resolution, staff, this.resolvedOnTime));
	}

	/**
	 * The worker's rating. Satisfied closes the case; the first dissatisfaction reopens
	 * it (重办) with a new deadline; a second goes to the supervisor.
	 */
	List<CaseEvent> rate(String feedbackEventId, Rating value, String comment, SlaTime time, Duration resolveWithin,
			String supervisor, Instant now) {
		if (alreadyApplied(feedbackEventId)) {
			return List.of();
		}
		require("rate", EnumSet.of(CaseStatus.RESOLVED), "only a resolved case can be rated");
		this.status = CaseStatus.RATED;
		this.rating = value.name();
		this.ratingComment = comment;
		record(CaseHistoryEntry.RATED, now, CaseNote.WORKER, comment, value.name(), null, false);
		List<CaseEvent> events = new ArrayList<>();
		events.add(new CaseRated(envelope(now), value.name(), comment));
		if (value.isSatisfied()) {
			events.add(closeNow(true, "worker", value.name(), now));
		}
		else if (this.dissatisfiedCount++ == 0) {
			this.status = CaseStatus.REOPENED;
			this.reopenCount++;
			this.resolveCycle++;
			this.resolveAllowed = resolveWithin;
			this.resolveDueAt = time.plus(now, resolveWithin);
			this.resolvedAt = null;
			this.resolvedOnTime = null;
			record(CaseHistoryEntry.REOPENED, now, CaseNote.WORKER, comment, String.valueOf(this.reopenCount),
					this.resolveDueAt, false);
			events.add(new CaseReopened(envelope(now), this.reopenCount, this.resolveDueAt));
		}
		else {
			this.escalated = true;
			record(CaseHistoryEntry.ESCALATED, now, "system", comment, "SECOND_DISSATISFACTION", null, true);
			events.add(new CaseEscalated(envelope(now), "SECOND_DISSATISFACTION", supervisor));
		}
		this.nextSlaCheckAt = null;
		return events;
	}

	/**
	 * A supervisor closes a rated (or resolved) case; resolved says whether it was
	 * solved.
	 */
	List<CaseEvent> close(String supervisor, boolean resolved, String reason, Instant now) {
		require("close", EnumSet.of(CaseStatus.RATED, CaseStatus.RESOLVED), "only a resolved case can be closed");
		return List.of(closeNow(resolved, supervisor, reason, now));
	}

	private CaseClosed closeNow(boolean resolved, String by, String reason, Instant now) {
		this.status = CaseStatus.CLOSED;
		this.closedAt = now;
		this.closedResolved = resolved;
		this.nextSlaCheckAt = null;
		record(CaseHistoryEntry.CLOSED, now, by, reason, resolved ? "RESOLVED" : "NOT_RESOLVED", null, false);
		return new CaseClosed(envelope(now), resolved, by, reason);
	}

	/** Merge this case (并单) into another about the same matter; that case carries on. */
	List<CaseEvent> mergeInto(Case primary, String staff, Instant now) {
		require("merge", CaseStatus.ACTIVE, "it is no longer being handled");
		if (primary.id.equals(this.id) || primary.appealId.equals(this.appealId)) {
			throw new IllegalTransitionException("merge", this.status, "a case cannot be merged into itself");
		}
		if (!primary.status.isActive() && primary.status != CaseStatus.RESOLVED) {
			throw new IllegalTransitionException("merge", this.status,
					"the case to merge into is " + primary.status + "; merge into one still being handled");
		}
		this.status = CaseStatus.MERGED;
		this.mergedInto = primary.id;
		this.nextSlaCheckAt = null;
		record(CaseHistoryEntry.MERGED, now, staff, null, primary.trackingCode, null, false);
		return List.of(new CaseMerged(envelope(now), primary.id, primary.trackingCode, staff));
	}

	// ---- SLA

	/**
	 * Fires every SLA milestone that has passed and not fired yet, in order, and works
	 * out when to look again. A milestone fires once: its key is kept on the case.
	 * @param supervisor who a breach escalates to
	 */
	List<CaseEvent> checkSla(SlaTime time, String supervisor, Duration ratingWindow, Instant now) {
		List<CaseEvent> events = new ArrayList<>();
		if (this.status == CaseStatus.RESOLVED) {
			if (!now.isBefore(this.resolvedAt.plus(ratingWindow))) {
				events.add(closeNow(true, "system", "NOT_RATED_IN_TIME", now));
			}
			return events;
		}
		for (SlaClock.Milestone milestone : SlaClock.due(activeClocks(), this.slaFired, time, now)) {
			this.slaFired.add(milestone.key());
			SlaClock clock = milestone.clock();
			if (milestone.isBreach()) {
				this.escalated = true;
				record(CaseHistoryEntry.SLA_BREACHED, now, "system", null, clock.name(), clock.dueAt(), true);
				events.add(new SlaBreached(envelope(now), clock.name(), clock.dueAt(), supervisor));
			}
			else {
				record(CaseHistoryEntry.SLA_WARNING, now, "system", null,
						clock.name() + " " + milestone.threshold() + "%", clock.dueAt(), true);
				events.add(new SlaWarning(envelope(now), clock.name(), milestone.threshold(), clock.dueAt()));
			}
		}
		refreshSlaCheck(time);
		return events;
	}

	/**
	 * Works out when the next SLA milestone falls, and how far the running clocks have
	 * gone, after any change to the case.
	 */
	void refreshSlaCheck(SlaTime time) {
		this.slaState = slaStateNow();
		if (this.status == CaseStatus.RESOLVED) {
			return;
		}
		this.nextSlaCheckAt = SlaClock.nextCheck(activeClocks(), this.slaFired, time);
	}

	private String slaStateNow() {
		if (this.status == CaseStatus.WAITING_FOR_WORKER) {
			return SLA_PAUSED;
		}
		List<SlaClock> clocks = activeClocks();
		if (clocks.isEmpty()) {
			return null;
		}
		int reached = 0;
		for (SlaClock clock : clocks) {
			for (String key : this.slaFired) {
				if (key.startsWith(clock.keyPrefix() + "@")) {
					reached = Math.max(reached, Integer.parseInt(key.substring(key.indexOf('@') + 1)));
				}
			}
		}
		return (reached >= 100) ? SLA_BREACHED
				: (reached >= 80) ? SLA_AT_RISK : (reached >= 50) ? SLA_PAST_HALF : SLA_ON_TIME;
	}

	/**
	 * The clocks that run in the case's status: sign for while open, resolve until
	 * resolved.
	 */
	private List<SlaClock> activeClocks() {
		List<SlaClock> clocks = new ArrayList<>();
		if (this.status == CaseStatus.OPEN) {
			clocks.add(SlaClock.sign(this.signAllowed, this.signDueAt));
		}
		if (this.status == CaseStatus.OPEN || CaseStatus.HANDLING.contains(this.status)) {
			clocks.add(SlaClock.resolve(this.resolveCycle, this.resolveAllowed, this.resolveDueAt));
		}
		return clocks;
	}

	/** Whether a deadline that still runs has passed. */
	public boolean isOverdue(Instant now) {
		return isOverdue(this.status, this.signDueAt, this.resolveDueAt, now);
	}

	/**
	 * Whether a deadline that still runs has passed for a case in this state with these
	 * deadlines.
	 */
	public static boolean isOverdue(CaseStatus status, Instant signDueAt, Instant resolveDueAt, Instant now) {
		if (status == CaseStatus.OPEN && now.isAfter(signDueAt)) {
			return true;
		}
		return status.isActive() && status != CaseStatus.WAITING_FOR_WORKER && now.isAfter(resolveDueAt);
	}

	// ---- helpers

	private void record(String action, Instant at, String actor, String text, String detail, Instant dueAt,
			boolean internal) {
		if (this.history == null) {
			this.history = new ArrayList<>();
		}
		this.history.add(new CaseHistoryEntry(action, at, actor, text, detail, dueAt, internal));
	}

	private void require(String action, Set<CaseStatus> allowed, String reason) {
		if (!allowed.contains(this.status)) {
			throw new IllegalTransitionException(action, this.status, reason);
		}
	}

	private ExtensionRequest pendingExtension(String action) {
		if (this.extensionRequest == null) {
			throw new IllegalTransitionException(action, this.status, "no extension request is waiting");
		}
		return this.extensionRequest;
	}

	private boolean alreadyApplied(String feedbackEventId) {
		if (this.feedbackEventIds.contains(feedbackEventId)) {
			return true;
		}
		this.feedbackEventIds.add(feedbackEventId);
		return false;
	}

	/** The envelope of an event this case raises now, in its status after the change. */
	private CaseEnvelope envelope(Instant now) {
		return new CaseEnvelope(UUID.randomUUID(), this.appealId, now, this.correlationId, this.id, this.trackingCode,
				this.department, this.status.name());
	}

	// ---- read access

	public String getId() {
		return this.id;
	}

	public String getAppealId() {
		return this.appealId;
	}

	public String getTrackingCode() {
		return this.trackingCode;
	}

	public String getDepartment() {
		return this.department;
	}

	public String getRole() {
		return this.role;
	}

	public String getOffice() {
		return this.office;
	}

	public String getDuplicateOf() {
		return this.duplicateOf;
	}

	public List<AppealRouted.Suggestion> getSuggestions() {
		return List.copyOf(this.suggestions);
	}

	public String getCategory() {
		return this.category;
	}

	public String getAppealType() {
		return this.appealType;
	}

	public String getPriority() {
		return this.priority;
	}

	public String getDistrict() {
		return this.district;
	}

	public CaseStatus getStatus() {
		return this.status;
	}

	public String getAssignee() {
		return this.assignee;
	}

	public Instant getOpenedAt() {
		return this.openedAt;
	}

	public Instant getSignedAt() {
		return this.signedAt;
	}

	public String getSignedBy() {
		return this.signedBy;
	}

	public Instant getResolvedAt() {
		return this.resolvedAt;
	}

	public String getResolvedBy() {
		return this.resolvedBy;
	}

	public String getResolution() {
		return this.resolution;
	}

	public Boolean getResolvedOnTime() {
		return this.resolvedOnTime;
	}

	public Instant getClosedAt() {
		return this.closedAt;
	}

	public Boolean getClosedResolved() {
		return this.closedResolved;
	}

	public String getSlaPolicy() {
		return this.slaPolicy;
	}

	public ClockMode getSlaClock() {
		return this.slaClock;
	}

	public Instant getSignDueAt() {
		return this.signDueAt;
	}

	public Instant getResolveDueAt() {
		return this.resolveDueAt;
	}

	public Instant getPausedAt() {
		return this.pausedAt;
	}

	public List<String> getSlaFired() {
		return List.copyOf(this.slaFired);
	}

	public Instant getNextSlaCheckAt() {
		return this.nextSlaCheckAt;
	}

	public String getSlaState() {
		return this.slaState;
	}

	public boolean isEscalated() {
		return this.escalated;
	}

	public String getPendingQuestion() {
		return this.pendingQuestion;
	}

	public ExtensionRequest getExtensionRequest() {
		return this.extensionRequest;
	}

	public String getReturnReason() {
		return this.returnReason;
	}

	public Instant getReturnedAt() {
		return this.returnedAt;
	}

	public String getRedispatchedTo() {
		return this.redispatchedTo;
	}

	public String getRating() {
		return this.rating;
	}

	public String getRatingComment() {
		return this.ratingComment;
	}

	public int getReopenCount() {
		return this.reopenCount;
	}

	public String getMergedInto() {
		return this.mergedInto;
	}

	public CaseFacts.Submission getSubmission() {
		return this.submission;
	}

	public CaseFacts.Routing getRouting() {
		return this.routing;
	}

	public String getRedispatchedFrom() {
		return this.redispatchedFrom;
	}

	public String getReturnBasis() {
		return this.returnBasis;
	}

	public boolean isReturnRejected() {
		return this.returnRejected;
	}

	public List<CaseHistoryEntry> getHistory() {
		return (this.history != null) ? List.copyOf(this.history) : List.of();
	}

	public List<CaseNote> getNotes() {
		return List.copyOf(this.notes);
	}

	public long getVersion() {
		return (this.version != null) ? this.version : 0;
	}

	public List<OutboxEntry> getOutbox() {
		return List.copyOf(this.outbox);
	}

}
