package org.waystation.intake.appeal.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.waystation.events.Taxonomy;
import org.waystation.intake.appeal.AppealStatus;
import org.waystation.intake.appeal.TimelineEntry;

/**
 * How the tracking view speaks to the worker: deadlines as dates in the appeal's time
 * zone, the next step for each status, and the words for codes (ratings, departments).
 */
final class WorkerTexts {

	/** Within this much of now a deadline is shown with its time of day too. */
	private static final Duration SHOW_TIME_WITHIN = Duration.ofHours(48);

	private static final Map<AppealStatus, String[]> NEXT_STEPS = Map.ofEntries(
			Map.entry(AppealStatus.SUBMITTED,
					new String[] { "系统正在将诉求分派至承办部门，无需操作。",
							"Your appeal is being passed to the department that handles it; nothing to do." }),
			Map.entry(AppealStatus.ROUTED,
					new String[] { "承办部门将按时限签收并办理，有进展会通知您。",
							"The department will sign for it and handle it in time; you will hear of every step." }),
			Map.entry(AppealStatus.OPEN,
					new String[] { "承办部门将按时限签收并办理，有进展会通知您。",
							"The department will sign for it and handle it in time; you will hear of every step." }),
			Map.entry(AppealStatus.SIGNED,
					new String[] { "承办部门正在办理，有答复会通知您。",
							"The department is handling it and will tell you when there is news." }),
			Map.entry(AppealStatus.IN_PROGRESS,
					new String[] { "承办部门正在办理，有答复会通知您。",
							"The department is handling it and will tell you when there is news." }),
			Map.entry(AppealStatus.REOPENED,
					new String[] { "承办部门正在重新办理，有答复会通知您。",
							"The department is handling it again and will tell you when there is news." }),
			Map.entry(AppealStatus.WAITING_FOR_WORKER,
					new String[] { "请回答承办部门的问题，回答后继续办理。",
							"Please answer the department's question; handling continues once you do." }),
			Map.entry(AppealStatus.RESOLVED, new String[] { "请查看办理结果并评价；如不满意，将重新办理。",
					"Please read the outcome and rate it; if you are not satisfied, it will be handled again." }),
			Map.entry(AppealStatus.RATED,
					new String[] { "主管正在复核办理情况，复核后会通知您。",
							"A supervisor is reviewing how it was handled and will let you know." }),
			Map.entry(AppealStatus.CLOSED, new String[] { "诉求已结案，无需操作。", "The appeal is closed; nothing to do." }),
			Map.entry(AppealStatus.RETURNED,
					new String[] { "正在转交至负责的部门，无需操作。",
							"It is being passed to the department responsible; nothing to do." }),
			Map.entry(AppealStatus.REDISPATCHED,
					new String[] { "已转交其他部门办理，有进展会通知您。",
							"Another department handles it now; you will hear of every step." }),
			Map.entry(AppealStatus.MERGED, new String[] { "已与相同诉求合并，请查看合并后的诉求。",
					"It was merged with an appeal about the same matter; follow that one." }));

	private static final Map<String, String[]> RATINGS = Map.of("SATISFIED", new String[] { "满意", "Satisfied" },
			"BASICALLY_SATISFIED", new String[] { "基本满意", "Basically satisfied" }, "DISSATISFIED",
			new String[] { "不满意", "Dissatisfied" });

	private final ZoneId zone;

	private final Clock clock;

	private final Taxonomy taxonomy = Taxonomy.standard();

	WorkerTexts(ZoneId zone, Clock clock) {
		this.zone = zone;
		this.clock = clock;
	}

	String nextStep(AppealStatus status, boolean english) {
		String[] texts = NEXT_STEPS.get(status);
		return (texts == null) ? null : texts[english ? 1 : 0];
	}

	/** "预计12月22日前办结", or "Expected to be resolved by 22 December". */
	String expected(Instant dueAt, boolean english) {
		if (dueAt == null) {
			return null;
		}
		return english ? "Expected to be resolved by " + date(dueAt, true) : "预计" + date(dueAt, false) + "前办结";
	}

	/** What a step of the timeline says, with the deadline it set. */
	String step(TimelineEntry entry, boolean english) {
		String text = TimelineTexts.describe(entry, english);
		if (entry.dueAt() == null) {
			return text;
		}
		if ("CaseExtended".equals(entry.eventType())) {
			String reason = (entry.note() != null) ? entry.note() : "";
			return english
					? "The deadline was extended to " + date(entry.dueAt(), true)
							+ (reason.isEmpty() ? "" : ": " + reason)
					: "办理期限延长至" + date(entry.dueAt(), false) + (reason.isEmpty() ? "" : "，原因：" + reason);
		}
		return text + (english ? "; " : "，") + expected(entry.dueAt(), english);
	}

	/** A rating in the worker's words ("基本满意"). */
	String rating(String code, boolean english) {
		String[] texts = (code != null) ? RATINGS.get(code) : null;
		return (texts == null) ? code : texts[english ? 1 : 0];
	}

	/** A step's note in words: a rating as the worker chose it, a department by name. */
	String note(TimelineEntry entry, boolean english) {
		if (entry.note() == null) {
			return null;
		}
		return switch (entry.eventType()) {
			case "CaseRated" -> rating(entry.note(), english);
			case "CaseRedispatched" -> this.taxonomy.department(entry.note())
				.map((d) -> d.name(english ? "en" : "zh-CN"))
				.orElse(entry.note());
			default -> entry.note();
		};
	}

	/**
	 * The date in the appeal's time zone ("12月22日", "22 December"), with the year when it
	 * is not this year's and the time of day when it is near.
	 */
	private String date(Instant at, boolean english) {
		ZonedDateTime local = at.atZone(this.zone);
		Instant now = this.clock.instant();
		boolean thisYear = local.getYear() == now.atZone(this.zone).getYear();
		boolean near = Duration.between(now, at).abs().compareTo(SHOW_TIME_WITHIN) < 0;
		String pattern = english ? (near ? "HH:mm, " : "") + "d MMMM" + (thisYear ? "" : " yyyy")
				: (thisYear ? "" : "yyyy年") + "M月d日" + (near ? "HH:mm" : "");
		return local.format(DateTimeFormatter.ofPattern(pattern, english ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE));
	}

}
