package org.waystation.department.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * What a queue shows: every field is optional.
 *
 * @param overdue true for cases past a running deadline only, false for the others
 * @param dueBefore cases whose resolve deadline falls before this instant
 * @param sortBy {@code due} (resolve deadline, the default) or {@code opened}
 */
public record CaseFilter(String department, List<CaseStatus> statuses, String priority, String category,
		String district, String assignee, Boolean overdue, Instant dueBefore, String sortBy) {

	Criteria toCriteria(Instant now) {
		List<Criteria> all = new ArrayList<>();
		if (this.department != null) {
			all.add(Criteria.where("department").is(this.department));
		}
		if (this.statuses != null && !this.statuses.isEmpty()) {
			all.add(Criteria.where("status").in(this.statuses));
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
			all.add(Criteria.where("assignee").is(this.assignee));
		}
		if (this.dueBefore != null) {
			all.add(Criteria.where("resolveDueAt").lt(this.dueBefore));
		}
		if (this.overdue != null) {
			Criteria late = new Criteria().orOperator(
					Criteria.where("status").is(CaseStatus.OPEN).and("signDueAt").lt(now),
					Criteria.where("status")
						.in(CaseStatus.OPEN, CaseStatus.SIGNED, CaseStatus.IN_PROGRESS, CaseStatus.REOPENED)
						.and("resolveDueAt")
						.lt(now));
			all.add(this.overdue ? late : new Criteria().norOperator(late));
		}
		return all.isEmpty() ? new Criteria() : new Criteria().andOperator(all.toArray(Criteria[]::new));
	}

	Sort sort() {
		return "opened".equals(this.sortBy) ? Sort.by("openedAt") : Sort.by("resolveDueAt");
	}

}
