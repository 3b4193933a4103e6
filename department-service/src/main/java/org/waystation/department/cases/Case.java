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
import org.waystation.events.CaseReturned;
import org.waystation.events.CaseSigned;
import org.waystation.events.CaseStarted;
import org.waystation.events.SlaBreached;
import org.waystation.events.SlaWarning;
import org.waystation.support.outbox.OutboxEntry;

/**
 * One department's handling of an appeal (工单). The case decides which actions its status
 * allows, applies them to itself and returns the events they cause; the service stores
 * the new state and the events together. Its SLA clocks (sign for, resolve) live here
 * too.
 */
@Document("cases")
@CompoundIndexes({ @CompoundIndex(name = "queue", def = "{'department': 1, 'status': 1, 'resolveDueAt': 1}"),
		@CompoundIndex(name = "sla", def = "{'nextSlaCheckAt': 1}") })
public class Case {

	public static final String LEAD = "LEAD";

	public static final String ASSIST = "ASSIST";

	static final String TRIAGE = "TRIAGE";

	/** SLA thresholds, in per cent of the time allowed: two warnings, then the breach. */
	static final int[] THRESHOLDS = { 50, 80, 100 };

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

	private boolean escalated;

	private String pendingQuestion;

	private ExtensionRequest extensionRequest;

	private String returnReason;

	private Instant returnedAt;

	private String redispatchedTo;

	private String rating;

	private String ratingComment;

	private int dissatisfiedCount;

	private int reopenCount;

	private String mergedInto;

	private List<CaseNote> notes = new ArrayList<>();

	/** Worker feedback events already applied, so that a replay changes nothing. */
	private List<String> feedbackEventIds = new ArrayList<>();

	private List<OutboxEntry> outbox = new ArrayList<>();

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
	 * A new case in a department's queue, with its deadlines and its {@code CaseOpened}
	 * event.
	 */
	static Case open(String id, AppealRouted routed, String department, String role, SlaTerms terms, Instant now) {
		Case opened = new Case();
		opened.id = id;
		opened.appealId = routed.appealId();
		opened.trackingCode = routed.trackingCode();
		opened.department = department;
		opened.role = role;
		opened.category = routed.category();
		opened.appealType = routed.appealType();
		opened.priority = routed.priority();
		opened.district = routed.district();
		opened.office = department.equals(routed.department()) ? routed.office() : null;
		opened.duplicateOf = routed.duplicateOf();
		opened.suggestions = new ArrayList<>(routed.suggestions());
		opened.correlationId = routed.correlationId();
		opened.status = CaseStatus.OPEN;
		opened.openedAt = now;
		opened.slaPolicy = terms.policyId();
		opened.slaClock = terms.clock();
		opened.signAllowed = terms.signWithin();
		opened.resolveAllowed = terms.resolveWithin();
		opened.signDueAt = terms.signDueAt();
		opened.resolveDueAt = terms.resolveDueAt();
		opened.outbox
			.add(OutboxEntry.of(new CaseOpened(UUID.randomUUID(), opened.appealId, now, CaseOpened.SCHEMA_VERSION,
					opened.correlationId, id, opened.trackingCode, department, "OPEN", opened.category,
					opened.appealType, opened.priority, role, opened.district, opened.signDueAt, opened.resolveDueAt)));
		return opened;
	}

	/**
	 * The same appeal opened again in another department after a re-dispatch, in the
	 * category triage chose (the case's own if none).
	 */
	static Case reopenElsewhere(Case from, String department, String category, SlaTerms terms, Instant now) {
		AppealRouted routed = new AppealRouted(UUID.randomUUID(), from.appealId, now, AppealRouted.SCHEMA_VERSION,
				from.correlationId, from.trackingCode, (category != null) ? category : from.category, department,
				from.appealType, from.priority, 1.0, List.of(), "re-dispatched from " + from.department, from.district,
				List.of(), null, null, List.of());
		return open(redispatchIdFor(from.id, department), routed, department, from.role, terms, now);
	}

	// ---- staff actions
	// -------------------------------------------------------------------

	List<CaseEvent> assign(String staff, String by, String mode, Instant now) {
		require("assign", CaseStatus.ACTIVE, "it is no longer being handled");
		this.assignee = staff;
		return List.of(new CaseAssigned(UUID.randomUUID(), this.appealId, now, CaseAssigned.SCHEMA_VERSION,
				this.correlationId, this.id, this.trackingCode, this.department, statusName(), staff, by, mode));
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
		return List.of(new CaseSigned(UUID.randomUUID(), this.appealId, now, CaseSigned.SCHEMA_VERSION,
				this.correlationId, this.id, this.trackingCode, this.department, statusName(), staff));
	}

	/** Start handling (办理). */
	List<CaseEvent> start(String staff, Instant now) {
		require("start handling", EnumSet.of(CaseStatus.SIGNED, CaseStatus.REOPENED),
				"it must be signed for (or reopened) first");
		this.status = CaseStatus.IN_PROGRESS;
		return List.of(new CaseStarted(UUID.randomUUID(), this.appealId, now, CaseStarted.SCHEMA_VERSION,
				this.correlationId, this.id, this.trackingCode, this.department, statusName(), staff));
	}

	/** An internal note for colleagues; the worker never sees it. */
	void note(String text, String staff, Instant now) {
		this.notes.add(new CaseNote(CaseNote.NOTE, staff, text, now));
	}

	/** A reply the worker reads; handling starts if it had not. */
	List<CaseEvent> reply(String text, String staff, Instant now) {
		require("reply on", EnumSet.of(CaseStatus.SIGNED, CaseStatus.IN_PROGRESS, CaseStatus.REOPENED,
				CaseStatus.WAITING_FOR_WORKER), "sign for it first");
		if (this.status != CaseStatus.WAITING_FOR_WORKER) {
			this.status = CaseStatus.IN_PROGRESS;
		}
		this.notes.add(new CaseNote(CaseNote.REPLY, staff, text, now));
		return List.of(new CaseReplied(UUID.randomUUID(), this.appealId, now, CaseReplied.SCHEMA_VERSION,
				this.correlationId, this.id, this.trackingCode, this.department, statusName(), text, staff));
	}

	/** Ask the worker for information; the resolve clock pauses until they answer. */
	List<CaseEvent> requestInfo(String question, String staff, Instant now) {
		require("ask the worker on", CaseStatus.HANDLING, "sign for it first");
		this.status = CaseStatus.WAITING_FOR_WORKER;
		this.pendingQuestion = question;
		this.pausedAt = now;
		return List.of(new CaseInfoRequested(UUID.randomUUID(), this.appealId, now, CaseInfoRequested.SCHEMA_VERSION,
				this.correlationId, this.id, this.trackingCode, this.department, statusName(), question, staff));
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
		Duration paused = time.between(this.pausedAt, now);
		this.resolveDueAt = time.plus(this.resolveDueAt, paused);
		this.status = CaseStatus.IN_PROGRESS;
		this.pendingQuestion = null;
		this.pausedAt = null;
		this.notes.add(new CaseNote("ANSWER", "worker", answer, now));
		return List.of(new CaseInfoProvided(UUID.randomUUID(), this.appealId, now, CaseInfoProvided.SCHEMA_VERSION,
				this.correlationId, this.id, this.trackingCode, this.department, statusName(), answer,
				this.resolveDueAt));
	}

	/** Ask for more time (延期); only a supervisor's approval moves the deadline. */
	List<CaseEvent> requestExtension(Duration extension, String reason, String staff, Instant now) {
		require("extend", EnumSet.of(CaseStatus.SIGNED, CaseStatus.IN_PROGRESS, CaseStatus.WAITING_FOR_WORKER,
				CaseStatus.REOPENED), "only a case being handled can be extended");
		if (this.extensionRequest != null) {
			throw new IllegalTransitionException("extend", this.status, "an extension request is already waiting");
		}
		this.extensionRequest = new ExtensionRequest(extension, reason, staff, now);
		return List.of(new CaseExtensionRequested(UUID.randomUUID(), this.appealId, now,
				CaseExtensionRequested.SCHEMA_VERSION, this.correlationId, this.id, this.trackingCode, this.department,
				statusName(), staff, extension.toString(), reason));
	}

	List<CaseEvent> approveExtension(String supervisor, SlaTime time, Instant now) {
		ExtensionRequest request = pendingExtension("approve an extension of");
		this.resolveDueAt = time.plus(this.resolveDueAt, request.extension());
		this.resolveAllowed = this.resolveAllowed.plus(request.extension());
		this.extensionRequest = null;
		return List.of(new CaseExtended(UUID.randomUUID(), this.appealId, now, CaseExtended.SCHEMA_VERSION,
				this.correlationId, this.id, this.trackingCode, this.department, statusName(), supervisor,
				request.extension().toString(), this.resolveDueAt));
	}

	List<CaseEvent> rejectExtension(String supervisor, String reason, Instant now) {
		pendingExtension("reject an extension of");
		this.extensionRequest = null;
		return List
			.of(new CaseExtensionRejected(UUID.randomUUID(), this.appealId, now, CaseExtensionRejected.SCHEMA_VERSION,
					this.correlationId, this.id, this.trackingCode, this.department, statusName(), supervisor, reason));
	}

	/**
	 * Return the case (退单) as not the department's own: before signing for it, or within
	 * one working day of signing, with a reason. Triage reviews it.
	 */
	List<CaseEvent> returnCase(String reason, String staff, SlaTime workingTime, Duration limit, Instant now) {
		require("return", EnumSet.of(CaseStatus.OPEN, CaseStatus.SIGNED, CaseStatus.IN_PROGRESS),
				"only a case not yet answered can be returned");
		if (this.signedAt != null && workingTime.between(this.signedAt, now).compareTo(limit) > 0) {
			throw new IllegalTransitionException("return", this.status,
					"a case can be returned only within one working day of signing for it");
		}
		this.status = CaseStatus.RETURNED;
		this.returnReason = reason;
		this.returnedAt = now;
		return List.of(new CaseReturned(UUID.randomUUID(), this.appealId, now, CaseReturned.SCHEMA_VERSION,
				this.correlationId, this.id, this.trackingCode, this.department, statusName(), reason, staff));
	}

	/**
	 * Triage sends a returned case (or one of its own) to another department (改派),
	 * optionally naming the category the new case should have.
	 */
	List<CaseEvent> redispatch(String toDepartment, String category, String staff, String note, Instant now) {
		boolean triageOwnCase = TRIAGE.equals(this.department) && this.status.isActive();
		if (this.status != CaseStatus.RETURNED && !triageOwnCase) {
			throw new IllegalTransitionException("re-dispatch", this.status,
					"only returned cases, or triage's own open cases, can be re-dispatched");
		}
		if (toDepartment.equals(this.department)) {
			throw new IllegalTransitionException("re-dispatch", this.status, "it is already in " + toDepartment);
		}
		this.status = CaseStatus.REDISPATCHED;
		this.redispatchedTo = toDepartment;
		return List.of(new CaseRedispatched(UUID.randomUUID(), this.appealId, now, CaseRedispatched.SCHEMA_VERSION,
				this.correlationId, this.id, this.trackingCode, this.department, statusName(), toDepartment,
				redispatchIdFor(this.id, toDepartment), staff, note, category));
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
		return List
			.of(new CaseResolved(UUID.randomUUID(), this.appealId, now, CaseResolved.SCHEMA_VERSION, this.correlationId,
					this.id, this.trackingCode, this.department, statusName(), resolution, staff, this.resolvedOnTime));
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
		List<CaseEvent> events = new ArrayList<>();
		events.add(new CaseRated(UUID.randomUUID(), this.appealId, now, CaseRated.SCHEMA_VERSION, this.correlationId,
				this.id, this.trackingCode, this.department, statusName(), value.name(), comment));
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
			events.add(new CaseReopened(UUID.randomUUID(), this.appealId, now, CaseReopened.SCHEMA_VERSION,
					this.correlationId, this.id, this.trackingCode, this.department, statusName(), this.reopenCount,
					this.resolveDueAt));
		}
		else {
			this.escalated = true;
			events.add(new CaseEscalated(UUID.randomUUID(), this.appealId, now, CaseEscalated.SCHEMA_VERSION,
					this.correlationId, this.id, this.trackingCode, this.department, statusName(),
					"SECOND_DISSATISFACTION", supervisor));
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
		return new CaseClosed(UUID.randomUUID(), this.appealId, now, CaseClosed.SCHEMA_VERSION, this.correlationId,
				this.id, this.trackingCode, this.department, statusName(), resolved, by, reason);
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
		return List.of(new CaseMerged(UUID.randomUUID(), this.appealId, now, CaseMerged.SCHEMA_VERSION,
				this.correlationId, this.id, this.trackingCode, this.department, statusName(), primary.id,
				primary.trackingCode, staff));
	}

	// ---- SLA
	// ------------------------------------------------------------------------------

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
		for (SlaClockState clock : activeClocks()) {
			for (int threshold : THRESHOLDS) {
				String key = clock.key(threshold);
				Instant at = clock.milestone(time, threshold);
				if (this.slaFired.contains(key) || at.isAfter(now)) {
					continue;
				}
				this.slaFired.add(key);
				if (threshold < 100) {
					events.add(new SlaWarning(UUID.randomUUID(), this.appealId, now, SlaWarning.SCHEMA_VERSION,
							this.correlationId, this.id, this.trackingCode, this.department, statusName(), clock.name(),
							threshold, clock.dueAt()));
				}
				else {
					this.escalated = true;
					events.add(new SlaBreached(UUID.randomUUID(), this.appealId, now, SlaBreached.SCHEMA_VERSION,
							this.correlationId, this.id, this.trackingCode, this.department, statusName(), clock.name(),
							clock.dueAt(), supervisor));
				}
			}
		}
		refreshSlaCheck(time);
		return events;
	}

	/** Works out when the next SLA milestone falls, after any change to the case. */
	void refreshSlaCheck(SlaTime time) {
		if (this.status == CaseStatus.RESOLVED) {
			return;
		}
		Instant next = null;
		for (SlaClockState clock : activeClocks()) {
			for (int threshold : THRESHOLDS) {
				if (!this.slaFired.contains(clock.key(threshold))) {
					Instant at = clock.milestone(time, threshold);
					next = (next == null || at.isBefore(next)) ? at : next;
				}
			}
		}
		this.nextSlaCheckAt = next;
	}

	private List<SlaClockState> activeClocks() {
		List<SlaClockState> clocks = new ArrayList<>();
		if (this.status == CaseStatus.OPEN) {
			clocks.add(new SlaClockState("SIGN", "SIGN", this.signAllowed, this.signDueAt));
		}
		if (this.status == CaseStatus.OPEN || CaseStatus.HANDLING.contains(this.status)) {
			clocks.add(new SlaClockState("RESOLVE", "RESOLVE#" + this.resolveCycle, this.resolveAllowed,
					this.resolveDueAt));
		}
		return clocks;
	}

	/** Whether a deadline that still runs has passed. */
	public boolean isOverdue(Instant now) {
		if (this.status == CaseStatus.OPEN && now.isAfter(this.signDueAt)) {
			return true;
		}
		return this.status.isActive() && this.status != CaseStatus.WAITING_FOR_WORKER && now.isAfter(this.resolveDueAt);
	}

	// ---- helpers
	// ----------------------------------------------------------------------------

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

	private String statusName() {
		return this.status.name();
	}

	/**
	 * One running SLA clock: its key for fired milestones, the time allowed and the
	 * deadline.
	 */
	private record SlaClockState(String name, String keyPrefix, Duration allowed, Instant dueAt) {

		String key(int threshold) {
			return this.keyPrefix + "@" + threshold;
		}

		Instant milestone(SlaTime time, int threshold) {
			if (threshold >= 100) {
				return this.dueAt;
			}
			return time.minus(this.dueAt, this.allowed.multipliedBy(100 - threshold).dividedBy(100));
		}

	}

	// ---- read access
	// -------------------------------------------------------------------------

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
