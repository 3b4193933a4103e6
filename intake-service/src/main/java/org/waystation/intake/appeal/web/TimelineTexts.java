package org.waystation.intake.appeal.web;

import java.util.Map;

import org.waystation.intake.appeal.TimelineEntry;

/** What each step of the timeline says to the worker, by the event behind it. */
final class TimelineTexts {

	private static final Map<String, String[]> TEXTS = Map.ofEntries(
			Map.entry("AppealSubmitted", new String[] { "诉求已受理", "Appeal received" }),
			Map.entry("AppealRouted", new String[] { "已分派至承办部门", "Dispatched to the handling department" }),
			Map.entry("CaseOpened", new String[] { "承办部门待签收", "Waiting for the department to sign for it" }),
			Map.entry("CaseSigned", new String[] { "承办部门已签收", "Signed for by the department" }),
			Map.entry("CaseStarted", new String[] { "开始办理", "Handling started" }),
			Map.entry("CaseReplied", new String[] { "承办部门答复", "The department replied" }),
			Map.entry("CaseInfoRequested", new String[] { "承办部门请您补充信息", "The department asked you for information" }),
			Map.entry("CaseInfoProvided", new String[] { "您已补充信息，继续办理", "You answered; handling continues" }),
			Map.entry("CaseExtended", new String[] { "办理期限经批准延长", "The deadline was extended with approval" }),
			Map.entry("CaseReturned", new String[] { "正在重新分派", "Being passed to the right department" }),
			Map.entry("CaseRedispatched", new String[] { "已改派至其他部门", "Passed to another department" }),
			Map.entry("CaseResolved", new String[] { "已办结", "Resolved" }),
			Map.entry("CaseRated", new String[] { "您已评价", "You rated the outcome" }),
			Map.entry("CaseReopened", new String[] { "重新办理", "Being handled again" }),
			Map.entry("CaseClosed", new String[] { "已结案", "Closed" }),
			Map.entry("CaseMerged", new String[] { "已与相同诉求合并办理", "Merged with an appeal about the same matter" }));

	private TimelineTexts() {
	}

	static String describe(TimelineEntry entry, boolean english) {
		String[] texts = TEXTS.get(entry.eventType());
		if (texts == null) {
			return entry.status().describe(english);
		}
		return english ? texts[1] : texts[0];
	}

}
