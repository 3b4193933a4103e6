package org.waystation.department.supervision;

import java.time.Instant;

/**
 * One thing on the worklist.
 *
 * @param alertId the urgent alert to acknowledge ({@link WorkKind#URGENT} only)
 * @param caseId the case to act on; for an urgent alert, the department's case once it is
 * open
 * @param dueAt the deadline that matters now: signing for an open case, resolving
 * otherwise
 * @param reason why it is here: the alert's reason, the extension's or the return's
 * @param since when it came onto the list (the alert, the request, the return)
 */
public record WorkItem(WorkKind kind, String alertId, String caseId, String appealId, String trackingCode,
		String department, String category, String priority, String status, Instant dueAt, String reason,
		Instant since) {

}
