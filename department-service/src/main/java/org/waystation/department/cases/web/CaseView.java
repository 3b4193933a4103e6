package org.waystation.department.cases.web;

import java.time.Instant;
import java.util.List;

import org.waystation.department.cases.Case;
import org.waystation.department.cases.CaseFacts;
import org.waystation.department.cases.CaseHistoryEntry;
import org.waystation.department.cases.CaseNote;
import org.waystation.department.cases.CaseStatus;
import org.waystation.department.cases.ExtensionRequest;
import org.waystation.events.AppealRouted;

/**
 * A case as the staff console shows it. In a queue it carries the worker's words and
 * where the case stands; as the case file ({@code GET /api/v1/cases/{id}}) also its whole
 * history and the other cases of the same appeal.
 *
 * @param text the worker's words exactly as submitted
 * @param contact where the worker's phone number may be read (each read is logged)
 * @param routing why the appeal came here
 * @param slaState how far the running clocks have gone ({@code ON_TIME},
 * {@code PAST_HALF}, {@code AT_RISK}, {@code BREACHED}, {@code PAUSED})
 * @param notes what was written on the case: internal notes ({@code NOTE}), replies to
 * the worker ({@code REPLY}) and the worker's answers ({@code ANSWER})
 * @param history every step of the case, oldest first (the case file only)
 * @param relatedCases every case of the same appeal, this one included (the case file
 * only)
 */
record CaseView(String caseId, String appealId, String trackingCode, String department, String role, String text,
		String channel, Instant submittedAt, String stationId, String contact, String category, String appealType,
		String priority, String district, String office, String duplicateOfAppealId,
		List<AppealRouted.Suggestion> suggestions, CaseFacts.Routing routing, CaseStatus status, String assignee,
		Instant openedAt, Instant signDueAt, Instant resolveDueAt, boolean overdue, String slaState, boolean escalated,
		Instant signedAt, String signedBy, Instant resolvedAt, String resolvedBy, String resolution,
		Boolean resolvedOnTime, String pendingQuestion, ExtensionRequest extensionRequest, String returnReason,
		String returnBasis, String redispatchedFrom, String redispatchedTo, String rating, String ratingComment,
		int reopenCount, String mergedInto, List<String> mergedCases, String slaPolicy, List<String> slaFired,
		List<CaseNote> notes, List<CaseHistoryEntry> history, List<Related> relatedCases) {

	/** A case in a queue. */
	static CaseView of(Case c, Instant now) {
		return of(c, now, null, null, null);
	}

	/** The case file. */
	static CaseView of(Case c, Instant now, List<String> mergedCases, List<CaseHistoryEntry> history,
			List<Related> related) {
		CaseFacts.Submission submission = c.getSubmission();
		return new CaseView(c.getId(), c.getAppealId(), c.getTrackingCode(), c.getDepartment(), c.getRole(),
				(submission != null) ? submission.text() : null, (submission != null) ? submission.channel() : null,
				(submission != null) ? submission.submittedAt() : null,
				(submission != null) ? submission.stationId() : null,
				"/api/v1/appeals/" + c.getTrackingCode() + "/contact", c.getCategory(), c.getAppealType(),
				c.getPriority(), c.getDistrict(), c.getOffice(), c.getDuplicateOf(), c.getSuggestions(), c.getRouting(),
				c.getStatus(), c.getAssignee(), c.getOpenedAt(), c.getSignDueAt(), c.getResolveDueAt(),
				c.isOverdue(now), c.getSlaState(), c.isEscalated(), c.getSignedAt(), c.getSignedBy(), c.getResolvedAt(),
				c.getResolvedBy(), c.getResolution(), c.getResolvedOnTime(), c.getPendingQuestion(),
				c.getExtensionRequest(), c.getReturnReason(), c.getReturnBasis(), c.getRedispatchedFrom(),
				c.getRedispatchedTo(), c.getRating(), c.getRatingComment(), c.getReopenCount(), c.getMergedInto(),
				(mergedCases != null) ? mergedCases : List.of(), c.getSlaPolicy(), c.getSlaFired(), c.getNotes(),
				history, related);
	}

	/** Another case of the same appeal, as far as the case file names it. */
	record Related(String caseId, String department, String role, CaseStatus status, Instant openedAt,
			String redispatchedFrom, String redispatchedTo) {

		static Related of(Case c) {
			return new Related(c.getId(), c.getDepartment(), c.getRole(), c.getStatus(), c.getOpenedAt(),
					c.getRedispatchedFrom(), c.getRedispatchedTo());
		}

	}

}
