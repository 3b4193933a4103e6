package org.waystation.department.kpi;

import java.util.Map;

/**
 * The KPIs of one group (a department, category or district) over cases opened in a
 * period. Rates are between 0 and 1, and null when nothing was due.
 *
 * @param responseRate 响应率: signed for in time ÷ due to be signed for
 * @param resolutionRate 解决率: closed as resolved ÷ closed
 * @param satisfactionRate 满意率: satisfied or basically satisfied ÷ rated
 * @param onTimeRate resolved in time ÷ (resolved + still open past the deadline): overdue
 * work counts as late
 * @param backlogByAge open cases by age since opening: under 1 day, 1–3, 3–7, over 7 days
 */
public record KpiRow(String group, long opened, long dueToSign, long signedInTime, Double responseRate, long closed,
		long closedResolved, Double resolutionRate, long rated, long satisfied, Double satisfactionRate, long resolved,
		long resolvedInTime, long openOverdue, Double onTimeRate, long backlog, Map<String, Long> backlogByAge,
		long overdue, long returns, long reopenings) {

}
