package org.waystation.department.cases;

import java.util.EnumSet;
import java.util.Set;

/** Where a case stands (12345 practice: 派单 → 签收 → 办理 → 答复 → 回访 → 办结). */
public enum CaseStatus {

	/** In the department's queue, waiting to be signed for (待签收). */
	OPEN,
	/** Signed for (已签收): the department accepts it as its own. */
	SIGNED,
	/** Being handled (办理中). */
	IN_PROGRESS,
	/** Waiting for information from the worker; the resolve clock is paused. */
	WAITING_FOR_WORKER,
	/** Resolved (已办结) with a written answer; waiting for the worker's rating. */
	RESOLVED,
	/** Rated by the worker; a second dissatisfaction waits here for the supervisor. */
	RATED,
	/** Handled again (重办) after the worker was dissatisfied. */
	REOPENED,
	/** Closed: done with. */
	CLOSED,
	/** Returned (退单) as not the department's own; triage reviews it. */
	RETURNED,
	/** Re-dispatched (改派) by triage; a new case carries on in another department. */
	REDISPATCHED,
	/** Merged (并单) into another case about the same matter. */
	MERGED;

	/**
	 * Statuses in which the department is working on the case and its resolve clock runs.
	 */
	static final Set<CaseStatus> HANDLING = EnumSet.of(SIGNED, IN_PROGRESS, REOPENED);

	/** Statuses that are not over: the case counts in the backlog. */
	static final Set<CaseStatus> ACTIVE = EnumSet.of(OPEN, SIGNED, IN_PROGRESS, WAITING_FOR_WORKER, REOPENED);

	/**
	 * Statuses a case never leaves: its record is complete and no action changes it.
	 */
	public static final Set<CaseStatus> FINAL = EnumSet.of(CLOSED, REDISPATCHED, MERGED);

	public boolean isActive() {
		return ACTIVE.contains(this);
	}

	public boolean isFinal() {
		return FINAL.contains(this);
	}

}
