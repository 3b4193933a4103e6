package org.waystation.department.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.waystation.department.sla.BusinessCalendar;
import org.waystation.department.sla.CalendarDocument;
import org.waystation.department.sla.ClockMode;
import org.waystation.department.sla.SlaTerms;
import org.waystation.department.sla.SlaTime;
import org.waystation.events.AppealRouted;
import org.waystation.events.CaseEvent;
import org.waystation.events.CaseExtended;
import org.waystation.events.CaseInfoProvided;
import org.waystation.events.CaseOpened;
import org.waystation.events.CaseReturnRejected;
import org.waystation.events.CaseRedispatched;
import org.waystation.events.CaseReopened;
import org.waystation.events.CaseResolved;
import org.waystation.events.EventCodec;
import org.waystation.events.EventSamples;
import org.waystation.events.SlaBreached;
import org.waystation.events.SlaWarning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseTest {

	private static final BusinessCalendar CALENDAR = CalendarDocument.standard().toCalendar();

	private static final Duration RATING_WINDOW = Duration.ofDays(7);

	/** Wednesday 4 March 2026, 10:00 in Shanghai. */
	private static final Instant OPENED = at("2026-03-04T10:00");

	private static final String BASIS = "区人社局职责清单（2026年版）第3项";

	private static Instant at(String local) {
		return LocalDateTime.parse(local).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
	}

	private static SlaTerms helpTerms(Instant openedAt) {
		return new SlaTerms("default-help", ClockMode.WORKING, Duration.ofHours(7), Duration.ofHours(70),
				CALENDAR.plus(openedAt, Duration.ofHours(7)), CALENDAR.plus(openedAt, Duration.ofHours(70)));
	}

	private static Case open() {
		return open("HRSS");
	}

	private static Case open(String department) {
		AppealRouted routed = EventSamples.event(AppealRouted.class);
		return Case.open(Case.idFor(routed.appealId(), department), routed, department, CaseOpened.LEAD,
				helpTerms(OPENED), OPENED);
	}

	/** A case of another appeal, to merge into. */
	private static Case openFor(String appealId, String department) {
		AppealRouted sample = EventSamples.event(AppealRouted.class);
		AppealRouted routed = new AppealRouted(sample.eventId(), appealId, sample.occurredAt(), 1, appealId,
				"WS4N8PQ2RT", sample.category(), department, sample.appealType(), sample.priority(),
				sample.confidence(), sample.matchedKeywords(), sample.explanation(), sample.district(), List.of(), null,
				null, List.of(), sample.text(), sample.channel(), sample.stationId(), sample.submittedAt(),
				sample.explanationEn(), sample.policy(), sample.routingRuleId(), sample.workerId());
		return Case.open(Case.idFor(appealId, department), routed, department, CaseOpened.LEAD, helpTerms(OPENED),
				OPENED);
	}

	/** A case brought to the status by the actions that lead there. */
	static Case inStatus(CaseStatus status) {
		Case c = open();
		Instant t = OPENED.plusSeconds(600);
		switch (status) {
			case OPEN -> {
			}
			case SIGNED -> c.sign("王建国", t);
			case IN_PROGRESS -> {
				c.sign("王建国", t);
				c.start("王建国", t);
			}
			case WAITING_FOR_WORKER -> {
				c.sign("王建国", t);
				c.requestInfo("请提供工资条", "王建国", t);
			}
			case RESOLVED -> {
				c.sign("王建国", t);
				c.resolve("已解决", "王建国", RATING_WINDOW, t);
			}
			case RATED, CLOSED -> {
				c.sign("王建国", t);
				c.resolve("已解决", "王建国", RATING_WINDOW, t);
				c.rate("r1", Rating.DISSATISFIED, null, CALENDAR, Duration.ofHours(70), "hrss-lihua", t);
				c.resolve("再次办结", "王建国", RATING_WINDOW, t);
				c.rate("r2", (status == CaseStatus.RATED) ? Rating.DISSATISFIED : Rating.SATISFIED, null, CALENDAR,
						Duration.ofHours(70), "hrss-lihua", t);
			}
			case REOPENED -> {
				c.sign("王建国", t);
				c.resolve("已解决", "王建国", RATING_WINDOW, t);
				c.rate("r1", Rating.DISSATISFIED, "没到账", CALENDAR, Duration.ofHours(70), "hrss-lihua", t);
			}
			case RETURNED -> c.returnCase("不属本部门", BASIS, "王建国", CALENDAR, Duration.ofHours(7), t);
			case REDISPATCHED -> {
				c.returnCase("不属本部门", BASIS, "王建国", CALENDAR, Duration.ofHours(7), t);
				c.redispatch("PLATFORM_LIAISON", null, "triage-zhaomin", null, t);
			}
			case MERGED -> c.mergeInto(openFor("another-appeal", "JUSTICE"), "王建国", t);
		}
		assertThat(c.getStatus()).isEqualTo(status);
		return c;
	}

	@Test
	void opensWithItsDeadlinesAndEvent() {
		Case opened = open();

		assertThat(opened.getStatus()).isEqualTo(CaseStatus.OPEN);
		assertThat(opened.getSignDueAt()).isEqualTo(at("2026-03-05T10:00"));
		assertThat(opened.getResolveDueAt()).isEqualTo(at("2026-03-18T10:00"));
		CaseOpened event = EventCodec.fromJson(opened.getOutbox().get(0).payload(), CaseOpened.class);
		assertThat(event.signDueAt()).isEqualTo(opened.getSignDueAt());
		assertThat(event.role()).isEqualTo("LEAD");
		assertThat(event.status()).isEqualTo("OPEN");
	}

	@Test
	void givesTheSameAppealAndDepartmentTheSameCaseId() {
		assertThat(Case.idFor("a-1", "HRSS")).isEqualTo(Case.idFor("a-1", "HRSS"))
			.isNotEqualTo(Case.idFor("a-1", "JUSTICE"))
			.isNotEqualTo(Case.redispatchIdFor(Case.idFor("a-1", "JUSTICE"), "HRSS"));
	}

	static Stream<Arguments> legalTransitions() {
		return Stream.of(Arguments.of(CaseStatus.OPEN, "sign", CaseStatus.SIGNED),
				Arguments.of(CaseStatus.SIGNED, "start", CaseStatus.IN_PROGRESS),
				Arguments.of(CaseStatus.REOPENED, "start", CaseStatus.IN_PROGRESS),
				Arguments.of(CaseStatus.SIGNED, "reply", CaseStatus.IN_PROGRESS),
				Arguments.of(CaseStatus.WAITING_FOR_WORKER, "reply", CaseStatus.WAITING_FOR_WORKER),
				Arguments.of(CaseStatus.IN_PROGRESS, "requestInfo", CaseStatus.WAITING_FOR_WORKER),
				Arguments.of(CaseStatus.WAITING_FOR_WORKER, "provideInfo", CaseStatus.IN_PROGRESS),
				Arguments.of(CaseStatus.IN_PROGRESS, "resolve", CaseStatus.RESOLVED),
				Arguments.of(CaseStatus.SIGNED, "resolve", CaseStatus.RESOLVED),
				Arguments.of(CaseStatus.REOPENED, "resolve", CaseStatus.RESOLVED),
				Arguments.of(CaseStatus.RESOLVED, "rateSatisfied", CaseStatus.CLOSED),
				Arguments.of(CaseStatus.RESOLVED, "rateDissatisfied", CaseStatus.REOPENED),
				Arguments.of(CaseStatus.OPEN, "return", CaseStatus.RETURNED),
				Arguments.of(CaseStatus.SIGNED, "return", CaseStatus.RETURNED),
				Arguments.of(CaseStatus.RETURNED, "redispatch", CaseStatus.REDISPATCHED),
				Arguments.of(CaseStatus.RETURNED, "rejectReturn", CaseStatus.OPEN),
				Arguments.of(CaseStatus.RATED, "close", CaseStatus.CLOSED),
				Arguments.of(CaseStatus.RESOLVED, "close", CaseStatus.CLOSED),
				Arguments.of(CaseStatus.IN_PROGRESS, "merge", CaseStatus.MERGED));
	}

	@ParameterizedTest(name = "{0} --{1}--> {2}")
	@MethodSource("legalTransitions")
	void allowsTheTransitionsOfTheLifecycle(CaseStatus from, String action, CaseStatus to) {
		Case c = inStatus(from);

		List<CaseEvent> events = ACTIONS.get(action).apply(c);

		assertThat(c.getStatus()).isEqualTo(to);
		assertThat(events).isNotEmpty().last().extracting(CaseEvent::status).isEqualTo(to.name());
	}

	static Stream<Arguments> illegalTransitions() {
		return Stream.of(CaseStatus.values())
			.flatMap((status) -> ACTIONS.keySet().stream().map((action) -> Arguments.of(status, action)))
			.filter((args) -> legalTransitions()
				.noneMatch((legal) -> legal.get()[0] == args.get()[0] && legal.get()[1].equals(args.get()[1])))
			.filter((args) -> !LEGAL_ELSEWHERE.contains(args.get()[0] + ":" + args.get()[1]));
	}

	/**
	 * Transitions also legal that the table above leaves out, as they change no status.
	 */
	private static final List<String> LEGAL_ELSEWHERE = List.of("IN_PROGRESS:reply", "REOPENED:reply",
			"IN_PROGRESS:return", "SIGNED:requestInfo", "REOPENED:requestInfo", "OPEN:merge", "SIGNED:merge",
			"WAITING_FOR_WORKER:merge", "REOPENED:merge");

	@ParameterizedTest(name = "{0} --{1}--> refused")
	@MethodSource("illegalTransitions")
	void refusesEveryOtherTransitionWithTheReason(CaseStatus from, String action) {
		Case c = inStatus(from);

		assertThatThrownBy(() -> ACTIONS.get(action).apply(c)).isInstanceOf(IllegalTransitionException.class)
			.hasMessageContaining("a case that is " + from);
		assertThat(c.getStatus()).isEqualTo(from);
	}

	private static final java.util.Map<String, java.util.function.Function<Case, List<CaseEvent>>> ACTIONS = java.util.Map
		.ofEntries(java.util.Map.entry("sign", (c) -> c.sign("李敏", OPENED.plusSeconds(900))),
				java.util.Map.entry("start", (c) -> c.start("李敏", OPENED.plusSeconds(900))),
				java.util.Map.entry("reply", (c) -> c.reply("正在核实", "李敏", OPENED.plusSeconds(900))),
				java.util.Map.entry("requestInfo", (c) -> c.requestInfo("请提供合同", "李敏", OPENED.plusSeconds(900))),
				java.util.Map.entry("provideInfo",
						(c) -> c.provideInfo("answer-" + System.nanoTime(), "已上传", CALENDAR, OPENED.plusSeconds(900))),
				java.util.Map.entry("resolve", (c) -> c.resolve("已解决", "李敏", RATING_WINDOW, OPENED.plusSeconds(900))),
				java.util.Map.entry("rateSatisfied",
						(c) -> c.rate("rate-" + System.nanoTime(), Rating.SATISFIED, null, CALENDAR,
								Duration.ofHours(70), "hrss-lihua", OPENED.plusSeconds(900))),
				java.util.Map.entry("rateDissatisfied",
						(c) -> c.rate("rate-" + System.nanoTime(), Rating.DISSATISFIED, null, CALENDAR,
								Duration.ofHours(70), "hrss-lihua", OPENED.plusSeconds(900))),
				java.util.Map.entry("return",
						(c) -> c.returnCase("不属本部门", BASIS, "李敏", CALENDAR, Duration.ofHours(7),
								OPENED.plusSeconds(900))),
				java.util.Map.entry("rejectReturn",
						(c) -> c.rejectReturn("站点在本区，属本部门职责", "triage-zhaomin", OPENED.plusSeconds(900))),
				java.util.Map.entry("redispatch",
						(c) -> c.redispatch("JUSTICE", null, "triage-zhaomin", null, OPENED.plusSeconds(900))),
				java.util.Map.entry("close", (c) -> c.close("hrss-lihua", true, "督办后结案", OPENED.plusSeconds(900))),
				java.util.Map.entry("merge",
						(c) -> c.mergeInto(openFor("primary-appeal", "JUSTICE"), "李敏", OPENED.plusSeconds(900))));

	@Test
	void aRejectedReturnGoesBackInTheStatusItHadAndCannotBeReturnedAgain() {
		Case c = inStatus(CaseStatus.SIGNED);
		Instant signDue = c.getSignDueAt();
		Instant resolveDue = c.getResolveDueAt();
		c.returnCase("押金由平台收取", BASIS, "王建国", CALENDAR, Duration.ofHours(7), OPENED.plusSeconds(600));

		List<CaseEvent> events = c.rejectReturn("站点在朝阳区，属本局管辖", "triage-zhaomin", OPENED.plusSeconds(1200));

		assertThat(c.getStatus()).isEqualTo(CaseStatus.SIGNED);
		assertThat(c.getSignDueAt()).isEqualTo(signDue);
		assertThat(c.getResolveDueAt()).isEqualTo(resolveDue);
		assertThat(c.getReturnBasis()).isEqualTo(BASIS);
		assertThat(events).singleElement()
			.isInstanceOfSatisfying(CaseReturnRejected.class,
					(rejected) -> assertThat(rejected.reason()).isEqualTo("站点在朝阳区，属本局管辖"));
		assertThatThrownBy(
				() -> c.returnCase("仍不属本部门", BASIS, "王建国", CALENDAR, Duration.ofHours(7), OPENED.plusSeconds(1800)))
			.isInstanceOf(IllegalTransitionException.class)
			.hasMessageContaining("already rejected a return");
		assertThat(c.getHistory()).extracting(CaseHistoryEntry::action)
			.containsSubsequence(CaseHistoryEntry.RETURNED, CaseHistoryEntry.RETURN_REJECTED);
	}

	@Test
	void refusesExtensionsThatAddUpToMoreThanThePolicysTimeToResolve() {
		Case c = inStatus(CaseStatus.IN_PROGRESS);
		c.requestExtension(Duration.ofHours(50), "需现场核查", "王建国", Duration.ofHours(70), OPENED);
		c.approveExtension("hrss-lihua", CALENDAR, OPENED);

		assertThatThrownBy(() -> c.requestExtension(Duration.ofHours(21), "再延", "王建国", Duration.ofHours(70), OPENED))
			.isInstanceOf(ExtensionTooLongException.class)
			.hasMessageContaining("PT50H was granted already");
		assertThat(c.getExtensionRequest()).isNull();
		c.requestExtension(Duration.ofHours(20), "再延", "王建国", Duration.ofHours(70), OPENED);
		assertThat(c.getExtensionRequest().extension()).isEqualTo(Duration.ofHours(20));
	}

	@Test
	void takesNoNoteOnceItsRecordIsComplete() {
		Case closed = inStatus(CaseStatus.CLOSED);

		assertThatThrownBy(() -> closed.note("补记", "王建国", OPENED)).isInstanceOf(IllegalTransitionException.class)
			.hasMessageContaining("record is complete");
		assertThat(closed.getNotes()).isEmpty();
	}

	@Test
	void keepsEveryResolutionAndRatingInItsHistory() {
		Case c = inStatus(CaseStatus.IN_PROGRESS);
		c.resolve("已责令补发一个月", "王建国", RATING_WINDOW, OPENED.plusSeconds(60));
		c.rate("r1", Rating.DISSATISFIED, "只补发了一个月", CALENDAR, Duration.ofHours(70), "hrss-lihua",
				OPENED.plusSeconds(120));
		c.resolve("已补齐剩余两个月", "王建国", RATING_WINDOW, OPENED.plusSeconds(180));
		c.rate("r2", Rating.SATISFIED, "都到账了", CALENDAR, Duration.ofHours(70), "hrss-lihua", OPENED.plusSeconds(240));

		assertThat(c.getHistory()).filteredOn((e) -> e.action().equals(CaseHistoryEntry.RESOLVED))
			.extracting(CaseHistoryEntry::text, CaseHistoryEntry::actor)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("已责令补发一个月", "王建国"),
					org.assertj.core.groups.Tuple.tuple("已补齐剩余两个月", "王建国"));
		assertThat(c.getHistory()).filteredOn((e) -> e.action().equals(CaseHistoryEntry.RATED))
			.extracting(CaseHistoryEntry::detail, CaseHistoryEntry::text)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("DISSATISFIED", "只补发了一个月"),
					org.assertj.core.groups.Tuple.tuple("SATISFIED", "都到账了"));
		assertThat(c.getHistory()).extracting(CaseHistoryEntry::action)
			.containsSubsequence(CaseHistoryEntry.OPENED, CaseHistoryEntry.SIGNED, CaseHistoryEntry.RESOLVED,
					CaseHistoryEntry.RATED, CaseHistoryEntry.REOPENED, CaseHistoryEntry.RESOLVED,
					CaseHistoryEntry.RATED, CaseHistoryEntry.CLOSED);
	}

	@Test
	void isAtRiskOncePastEightyPerCentOfARunningClock() {
		Case c = open();
		assertThat(c.getSlaState()).isNull();
		c.refreshSlaCheck(CALENDAR);
		assertThat(c.getSlaState()).isEqualTo(Case.SLA_ON_TIME);

		// Signing for it is due a working day (7 h) after opening; 80 % is 5.6 h in.
		c.checkSla(CALENDAR, "hrss-lihua", RATING_WINDOW, CALENDAR.plus(OPENED, Duration.ofMinutes(340)));

		assertThat(c.getSlaState()).isEqualTo(Case.SLA_AT_RISK);
		assertThat(c.getHistory()).extracting(CaseHistoryEntry::action)
			.containsSubsequence(CaseHistoryEntry.SLA_WARNING, CaseHistoryEntry.SLA_WARNING);
	}

	@Test
	void pausesTheResolveClockWhileWaitingForTheWorker() {
		Case c = inStatus(CaseStatus.IN_PROGRESS);
		Instant dueBefore = c.getResolveDueAt();
		c.requestInfo("请提供站点地址", "王建国", at("2026-03-05T10:00"));

		// Friday 10:00 to Monday 10:00 is one working day (7 h), however long the
		// weekend.
		List<CaseEvent> events = c.provideInfo("answer-1", "朝阳区酒仙桥路10号", CALENDAR, at("2026-03-09T10:00"));

		assertThat(c.getResolveDueAt()).isEqualTo(CALENDAR.plus(dueBefore, Duration.ofHours(14)));
		assertThat(events).singleElement()
			.isInstanceOfSatisfying(CaseInfoProvided.class,
					(provided) -> assertThat(provided.resolveDueAt()).isEqualTo(c.getResolveDueAt()));
		assertThat(c.provideInfo("answer-1", "重复", CALENDAR, at("2026-03-09T11:00"))).isEmpty();
	}

	@Test
	void movesTheDeadlineOnlyWhenASupervisorApprovesAnExtension() {
		Case c = inStatus(CaseStatus.IN_PROGRESS);
		Instant due = c.getResolveDueAt();

		c.requestExtension(Duration.ofHours(14), "需现场核查", "王建国", Duration.ofHours(70), OPENED);
		assertThat(c.getResolveDueAt()).isEqualTo(due);
		assertThatThrownBy(() -> c.requestExtension(Duration.ofHours(7), "再延", "王建国", Duration.ofHours(70), OPENED))
			.hasMessageContaining("already waiting");
		List<CaseEvent> events = c.approveExtension("hrss-lihua", CALENDAR, OPENED);

		assertThat(c.getResolveDueAt()).isEqualTo(CALENDAR.plus(due, Duration.ofHours(14)));
		assertThat(events).singleElement()
			.isInstanceOfSatisfying(CaseExtended.class,
					(extended) -> assertThat(extended.approvedBy()).isEqualTo("hrss-lihua"));
		assertThatThrownBy(() -> c.rejectExtension("hrss-lihua", "不同意", OPENED))
			.hasMessageContaining("no extension request");
	}

	@Test
	void keepsTheDeadlineWhenAnExtensionIsRejected() {
		Case c = inStatus(CaseStatus.IN_PROGRESS);
		Instant due = c.getResolveDueAt();
		c.requestExtension(Duration.ofHours(14), "需现场核查", "王建国", Duration.ofHours(70), OPENED);

		c.rejectExtension("hrss-lihua", "请按期办结", OPENED);

		assertThat(c.getResolveDueAt()).isEqualTo(due);
		assertThat(c.getExtensionRequest()).isNull();
	}

	@Test
	void allowsAReturnOnlyWithinOneWorkingDayOfSigning() {
		Case late = open();
		late.sign("王建国", at("2026-03-06T16:00"));
		Case inTime = open();
		inTime.sign("王建国", at("2026-03-06T16:00"));

		assertThatThrownBy(
				() -> late.returnCase("不属本部门", BASIS, "王建国", CALENDAR, Duration.ofHours(7), at("2026-03-09T16:01")))
			.hasMessageContaining("within one working day");
		inTime.returnCase("不属本部门", BASIS, "王建国", CALENDAR, Duration.ofHours(7), at("2026-03-09T15:59"));
		assertThat(inTime.getStatus()).isEqualTo(CaseStatus.RETURNED);
	}

	@Test
	void theLeadCaseKeepsTheRuleOfficeAndEveryCaseTheDuplicateLinkAndSuggestions() {
		AppealRouted sample = EventSamples.event(AppealRouted.class);
		AppealRouted routed = new AppealRouted(sample.eventId(), sample.appealId(), sample.occurredAt(), 1,
				sample.correlationId(), sample.trackingCode(), sample.category(), "HRSS", sample.appealType(),
				sample.priority(), sample.confidence(), sample.matchedKeywords(), sample.explanation(),
				sample.district(), List.of("JUSTICE"), "朝阳区人力资源和社会保障局劳动保障监察大队", "earlier-appeal", sample.suggestions(),
				sample.text(), sample.channel(), sample.stationId(), sample.submittedAt(), sample.explanationEn(),
				sample.policy(), sample.routingRuleId(), sample.workerId());

		Case lead = Case.open(Case.idFor(routed.appealId(), "HRSS"), routed, "HRSS", CaseOpened.LEAD, helpTerms(OPENED),
				OPENED);
		Case assisting = Case.open(Case.idFor(routed.appealId(), "JUSTICE"), routed, "JUSTICE", CaseOpened.ASSIST,
				helpTerms(OPENED), OPENED);

		assertThat(lead.getOffice()).isEqualTo("朝阳区人力资源和社会保障局劳动保障监察大队");
		assertThat(assisting.getOffice()).isNull();
		assertThat(lead.getDuplicateOf()).isEqualTo("earlier-appeal");
		assertThat(lead.getSuggestions()).extracting(AppealRouted.Suggestion::category)
			.containsExactly("WAGE_ARREARS", "LABOR_DISPUTE", "PLATFORM_RULES");
		assertThat(assisting.getDuplicateOf()).isEqualTo("earlier-appeal");
	}

	@Test
	void redispatchesToANewCaseInTheNewDepartment() {
		Case returned = inStatus(CaseStatus.RETURNED);

		CaseRedispatched event = (CaseRedispatched) returned
			.redispatch("PLATFORM_LIAISON", "PLATFORM_RULES", "triage-zhaomin", "平台罚款问题", OPENED)
			.get(0);
		Case next = Case.reopenElsewhere(returned, "PLATFORM_LIAISON", event.category(), helpTerms(OPENED), OPENED);

		assertThat(event.newCaseId()).isEqualTo(next.getId()).isNotEqualTo(returned.getId());
		assertThat(event.category()).isEqualTo("PLATFORM_RULES");
		assertThat(next.getCategory()).isEqualTo("PLATFORM_RULES").isNotEqualTo(returned.getCategory());
		assertThat(Case.reopenElsewhere(returned, "PLATFORM_LIAISON", null, helpTerms(OPENED), OPENED).getCategory())
			.isEqualTo(returned.getCategory());
		assertThat(next.getDepartment()).isEqualTo("PLATFORM_LIAISON");
		assertThat(next.getAppealId()).isEqualTo(returned.getAppealId());
		assertThat(next.getStatus()).isEqualTo(CaseStatus.OPEN);
		assertThatThrownBy(() -> open().redispatch("JUSTICE", null, "x", null, OPENED))
			.hasMessageContaining("returned");
	}

	@Test
	void letsTriageDispatchItsOwnOpenCases() {
		Case triage = open("TRIAGE");

		triage.redispatch("HEALTH", null, "triage-zhaomin", null, OPENED);

		assertThat(triage.getStatus()).isEqualTo(CaseStatus.REDISPATCHED);
	}

	@Test
	void reopensOnceThenEscalatesASecondDissatisfaction() {
		Case c = inStatus(CaseStatus.RESOLVED);

		List<CaseEvent> first = c.rate("r1", Rating.DISSATISFIED, "钱没到账", CALENDAR, Duration.ofHours(70), "hrss-lihua",
				at("2026-03-05T10:00"));
		assertThat(first).extracting(CaseEvent::type).containsExactly("CaseRated", "CaseReopened");
		assertThat(((CaseReopened) first.get(1)).resolveDueAt()).isEqualTo(at("2026-03-19T10:00"));
		c.resolve("已督促站点转账", "王建国", RATING_WINDOW, at("2026-03-06T10:00"));

		List<CaseEvent> second = c.rate("r2", Rating.DISSATISFIED, "还是没到账", CALENDAR, Duration.ofHours(70),
				"hrss-lihua", at("2026-03-06T11:00"));

		assertThat(second).extracting(CaseEvent::type).containsExactly("CaseRated", "CaseEscalated");
		assertThat(c.getStatus()).isEqualTo(CaseStatus.RATED);
		assertThat(c.isEscalated()).isTrue();
		assertThat(c.getReopenCount()).isEqualTo(1);
	}

	@Test
	void recordsWhetherTheResolutionCameInTime() {
		Case inTime = inStatus(CaseStatus.IN_PROGRESS);
		Case late = inStatus(CaseStatus.IN_PROGRESS);

		CaseResolved onTime = (CaseResolved) inTime.resolve("已解决", "王建国", RATING_WINDOW, at("2026-03-18T10:00")).get(0);
		CaseResolved overdue = (CaseResolved) late.resolve("已解决", "王建国", RATING_WINDOW, at("2026-03-18T10:01")).get(0);

		assertThat(onTime.onTime()).isTrue();
		assertThat(overdue.onTime()).isFalse();
	}

	@Test
	void ignoresARatingItHasAppliedAlready() {
		Case c = inStatus(CaseStatus.RESOLVED);
		c.rate("r1", Rating.SATISFIED, null, CALENDAR, Duration.ofHours(70), null, OPENED);

		assertThat(c.rate("r1", Rating.SATISFIED, null, CALENDAR, Duration.ofHours(70), null, OPENED)).isEmpty();
		assertThat(c.getStatus()).isEqualTo(CaseStatus.CLOSED);
	}

	@Test
	void firesEachSlaMilestoneOnceAndCatchesUpOnMissedOnes() {
		Case c = open();
		SlaTime time = CALENDAR;

		// Sign clock: 7 working hours from Wednesday 10:00; 50 % (3.5 h) falls at 15:00
		// that day.
		assertThat(c.getNextSlaCheckAt()).isNull();
		c.refreshSlaCheck(time);
		assertThat(c.getNextSlaCheckAt()).isEqualTo(at("2026-03-04T15:00"));
		assertThat(c.checkSla(time, "hrss-lihua", RATING_WINDOW, at("2026-03-04T14:59"))).isEmpty();

		List<CaseEvent> half = c.checkSla(time, "hrss-lihua", RATING_WINDOW, at("2026-03-04T15:00"));
		List<CaseEvent> again = c.checkSla(time, "hrss-lihua", RATING_WINDOW, at("2026-03-04T15:05"));
		// Down from Wednesday afternoon to Thursday noon: 80 % and the breach were
		// missed.
		List<CaseEvent> caughtUp = c.checkSla(time, "hrss-lihua", RATING_WINDOW, at("2026-03-05T12:00"));

		assertThat(half).singleElement()
			.isInstanceOfSatisfying(SlaWarning.class, (warning) -> assertThat(warning.threshold()).isEqualTo(50));
		assertThat(again).isEmpty();
		assertThat(caughtUp).hasSize(2);
		assertThat(caughtUp.get(0)).isInstanceOfSatisfying(SlaWarning.class,
				(warning) -> assertThat(warning.threshold()).isEqualTo(80));
		assertThat(caughtUp.get(1)).isInstanceOfSatisfying(SlaBreached.class, (breach) -> {
			assertThat(breach.clock()).isEqualTo("SIGN");
			assertThat(breach.escalatedTo()).isEqualTo("hrss-lihua");
		});
		assertThat(c.isEscalated()).isTrue();
		assertThat(c.isOverdue(at("2026-03-05T12:00"))).isTrue();
		assertThat(c.getNextSlaCheckAt()).as("next: 50 % of the resolve clock")
			.isEqualTo(CALENDAR.minus(c.getResolveDueAt(), Duration.ofHours(35)));
	}

	@Test
	void stopsCheckingTheResolveClockWhileWaitingForTheWorker() {
		Case c = inStatus(CaseStatus.SIGNED);
		c.requestInfo("请提供合同", "王建国", OPENED);
		c.refreshSlaCheck(CALENDAR);

		assertThat(c.getNextSlaCheckAt()).isNull();
		assertThat(c.checkSla(CALENDAR, null, RATING_WINDOW, at("2026-06-01T10:00"))).isEmpty();
		assertThat(c.isOverdue(at("2026-06-01T10:00"))).isFalse();
	}

	@Test
	void closesAResolvedCaseNobodyRatedInTime() {
		Case c = inStatus(CaseStatus.RESOLVED);

		assertThat(c.checkSla(CALENDAR, null, RATING_WINDOW, c.getResolvedAt().plus(Duration.ofDays(6)))).isEmpty();
		List<CaseEvent> closed = c.checkSla(CALENDAR, null, RATING_WINDOW, c.getResolvedAt().plus(RATING_WINDOW));

		assertThat(closed).extracting(CaseEvent::type).containsExactly("CaseClosed");
		assertThat(c.getStatus()).isEqualTo(CaseStatus.CLOSED);
		assertThat(c.getClosedResolved()).isTrue();
	}

}
