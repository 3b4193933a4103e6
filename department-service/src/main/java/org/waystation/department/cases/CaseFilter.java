package org.waystation.department.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * What a queue shows: every field is optional.
 *
 * @param overdue true for cases past a running deadline only, false for the others
 * @param dueBefore cases whose resolve deadline falls before this instant
 * @param assignee the member of staff the cases are assigned to; empty for the unassigned
 * @param sortBy {@code due} (resolve deadline, the default) or {@code opened}
 * @param escalated escalated (督办) cases only, or only those not escalated
 * @param paused cases waiting for the worker (clock paused) only, or only the others
 * @param slaState cases whose running clocks are in this state ({@code AT_RISK}, ...)
 * @param extensionPending cases with an extension request waiting, or without one
 * @param trackingCode the cases of one appeal by its tracking code
 * @param workerId the cases of one worker's appeals (by their pseudonymous id)
 * @param words cases whose appeal text holds every one of these words
 */
public record CaseFilter(String department, List<CaseStatus> statuses, String priority, String category,
		String district, String assignee, Boolean overdue, Instant dueBefore, String sortBy, Boolean escalated,
		Boolean paused, String slaState, Boolean extensionPending, String trackingCode, String workerId,
		List<String> words) {

	/** The states in which a case can be past a running deadline. */
	private static final List<CaseStatus> LATE_STATUSES = List.of(CaseStatus.OPEN, CaseStatus.SIGNED,
			CaseStatus.IN_PROGRESS, CaseStatus.REOPENED);

	/** Only the cases of one department (or every department's), in any state. */
	public static CaseFilter of(String department) {
		return new CaseFilter(department, null, null, null, null, null, null, null, "due", null, null, null, null, null,
				null, null);
	}

	public CaseFilter withStatuses(List<CaseStatus> value) {
		return new CaseFilter(this.department, value, this.priority, this.category, this.district, this.assignee,
				this.overdue, this.dueBefore, this.sortBy, this.escalated, this.paused, this.slaState,
				this.extensionPending, this.trackingCode, this.workerId, this.words);
	}

	public CaseFilter withOverdue(Boolean value) {
		return new CaseFilter(this.department, this.statuses, this.priority, this.category, this.district,
				this.assignee, value, this.dueBefore, this.sortBy, this.escalated, this.paused, this.slaState,
				this.extensionPending, this.trackingCode, this.workerId, this.words);
	}

	public CaseFilter withEscalated(Boolean value) {
		return new CaseFilter(this.department, this.statuses, this.priority, this.category, this.district,
				this.assignee, this.overdue, this.dueBefore, this.sortBy, value, this.paused, this.slaState,
				this.extensionPending, this.trackingCode, this.workerId, this.words);
	}

	public CaseFilter withSlaState(String value) {
		return new CaseFilter(this.department, this.statuses, this.priority, this.category, this.district,
				this.assignee, this.overdue, this.dueBefore, this.sortBy, this.escalated, this.paused, value,
				this.extensionPending, this.trackingCode, this.workerId, this.words);
	}

	public CaseFilter withExtensionPending(Boolean value) {
		return new CaseFilter(this.department, this.statuses, this.priority, this.category, this.district,
				this.assignee, this.overdue, this.dueBefore, this.sortBy, this.escalated, this.paused, this.slaState,
				value, this.trackingCode, this.workerId, this.words);
	}

	public CaseFilter withAssignee(String value) {
		return new CaseFilter(this.department, this.statuses, this.priority, this.category, this.district, value,
				this.overdue, this.dueBefore, this.sortBy, this.escalated, this.paused, this.slaState,
				this.extensionPending, this.trackingCode, this.workerId, this.words);
	}

	public CaseFilter sortedBy(String value) {
		return new CaseFilter(this.department, this.statuses, this.priority, this.category, this.district,
				this.assignee, this.overdue, this.dueBefore, value, this.escalated, this.paused, this.slaState,
				this.extensionPending, this.trackingCode, this.workerId, this.words);
	}

	public CaseFilter withDueBefore(Instant value) {
		return new CaseFilter(this.department, this.statuses, this.priority, this.category, this.district,
				this.assignee, this.overdue, value, this.sortBy, this.escalated, this.paused, this.slaState,
				this.extensionPending, this.trackingCode, this.workerId, this.words);
	}

	Criteria toCriteria(Instant now) {
		List<Criteria> all = new ArrayList<>();
		if (this.department != null) {
			all.add(Criteria.where("department").is(this.department));
		}
		List<CaseStatus> asked = (this.statuses != null && !this.statuses.isEmpty()) ? this.statuses : null;
		if (Boolean.TRUE.equals(this.overdue)) {
			// Only these can be late: named once, so that the store reads only them.
			asked = (asked != null) ? asked.stream().filter(LATE_STATUSES::contains).toList() : LATE_STATUSES;
		}
		if (asked != null) {
			all.add(Criteria.where("status").in(asked));
		}
		if (this.priority != null) {
			all.add(Criteria.where("priority").is(this.priority));
		}
		if (this.category != null) {
			all.add(Criteria.where("category").is(this.category));
		}
		if (this.district != null) {
			all.add(Criteria.where("district").is(this.district));
		}
		if (this.assignee != null) {
			all.add(Criteria.where("assignee").is(this.assignee.isEmpty() ? null : this.assignee));
		}
		if (this.dueBefore != null) {
			all.add(Criteria.where("resolveDueAt").lt(this.dueBefore));
		}
		if (this.escalated != null) {
			all.add(this.escalated ? Criteria.where("escalated").is(true) : Criteria.where("escalated").ne(true));
		}
		if (this.paused != null) {
			all.add(this.paused ? Criteria.where("status").is(CaseStatus.WAITING_FOR_WORKER)
					: Criteria.where("status").ne(CaseStatus.WAITING_FOR_WORKER));
		}
		if (this.slaState != null) {
			all.add(Criteria.where("slaState").is(this.slaState));
		}
		if (this.extensionPending != null) {
			all.add(this.extensionPending ? Criteria.where("extensionRequest").ne(null)
					: Criteria.where("extensionRequest").is(null));
		}
		if (this.trackingCode != null) {
			all.add(Criteria.where("trackingCode").is(this.trackingCode));
		}
		if (this.workerId != null) {
			all.add(Criteria.where("submission.workerId").is(this.workerId));
		}
		if (this.words != null) {
			for (String word : this.words) {
				all.add(Criteria.where("submission.text").regex(Pattern.quote(word)));
			}
		}
		if (this.overdue != null) {
			Criteria late = new Criteria().orOperator(
					Criteria.where("status").is(CaseStatus.OPEN).and("signDueAt").lt(now),
					Criteria.where("status").in(LATE_STATUSES).and("resolveDueAt").lt(now));
			all.add(this.overdue ? late : new Criteria().norOperator(late));
		}
		return all.isEmpty() ? new Criteria() : new Criteria().andOperator(all.toArray(Criteria[]::new));
	}

	Sort sort() {
		return "opened".equals(this.sortBy) ? Sort.by("openedAt") : Sort.by("resolveDueAt");
	}

}
