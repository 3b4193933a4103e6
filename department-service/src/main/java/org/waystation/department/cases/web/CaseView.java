package org.waystation.department.cases.web;

import java.time.Instant;
import java.util.List;

import org.waystation.department.cases.Case;
import org.waystation.department.cases.CaseNote;
import org.waystation.department.cases.CaseStatus;
import org.waystation.department.cases.ExtensionRequest;
import org.waystation.events.AppealRouted;

/** A case as the staff console shows it. */
record CaseView(String caseId, String appealId, String trackingCode, String department, String role, String category,
		String appealType, String priority, String district, String office, String duplicateOfAppealId,
		List<AppealRouted.Suggestion> suggestions, CaseStatus status, String assignee, Instant openedAt,
		Instant signDueAt, Instant resolveDueAt, boolean overdue, boolean escalated, Instant signedAt, String signedBy,
		Instant resolvedAt, String resolvedBy, String resolution, Boolean resolvedOnTime, String pendingQuestion,
		ExtensionRequest extensionRequest, String returnReason, String redispatchedTo, String rating,
		String ratingComment, int reopenCount, String mergedInto, List<String> mergedCases, String slaPolicy,
		List<String> slaFired, List<CaseNote> notes) {

	static CaseView of(Case c, Instant now) {
		return of(c, now, List.of());
	}

	static CaseView of(Case c, Instant now, List<String> mergedCases) {
		return new CaseView(c.getId(), c.getAppealId(), c.getTrackingCode(), c.getDepartment(), c.getRole(),
				c.getCategory(), c.getAppealType(), c.getPriority(), c.getDistrict(), c.getOffice(), c.getDuplicateOf(),
				c.getSuggestions(), c.getStatus(), c.getAssignee(), c.getOpenedAt(), c.getSignDueAt(),
				c.getResolveDueAt(), c.isOverdue(now), c.isEscalated(), c.getSignedAt(), c.getSignedBy(),
				c.getResolvedAt(), c.getResolvedBy(), c.getResolution(), c.getResolvedOnTime(), c.getPendingQuestion(),
				c.getExtensionRequest(), c.getReturnReason(), c.getRedispatchedTo(), c.getRating(),
				c.getRatingComment(), c.getReopenCount(), c.getMergedInto(), mergedCases, c.getSlaPolicy(),
				c.getSlaFired(), c.getNotes());
	}

}
