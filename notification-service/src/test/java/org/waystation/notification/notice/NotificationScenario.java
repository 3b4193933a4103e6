package org.waystation.notification.notice;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import org.waystation.events.AppealSubmitted;
import org.waystation.events.Channel;
import org.waystation.events.EventSamples;
import org.waystation.events.CaseAssigned;
import org.waystation.events.CaseEnvelope;
import org.waystation.events.CaseEscalated;
import org.waystation.events.CaseExtended;
import org.waystation.events.CaseInfoRequested;
import org.waystation.events.CaseOpened;
import org.waystation.events.CaseReplied;
import org.waystation.events.SlaBreached;
import org.waystation.events.SlaWarning;
import org.waystation.events.StaffAccountChanged;
import org.waystation.events.SupervisorAlerted;
import org.waystation.events.CaseResolved;
import org.waystation.events.CaseSigned;
import org.waystation.notification.inbox.Inbox;
import org.waystation.testsupport.HttpJson;
import org.waystation.testsupport.Samples;
import org.waystation.testsupport.TestIssuer;
import org.waystation.testsupport.TestMessaging;
import org.waystation.testsupport.TestSms;
import org.waystation.testsupport.ServiceScenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * notification-service against a real broker and MongoDB-wire server; subclasses say
 * which.
 */
abstract class NotificationScenario extends ServiceScenario {

	@Autowired
	Inbox inbox;

	/** The worker of the sample appeal. */
	private static final String WORKER = EventSamples.event(AppealSubmitted.class).workerId();

	private HttpJson supervisors() {
		return http().as(TestIssuer.get().supervisor("chen", "*"));
	}

	private JsonNode awaitNotifications(String appealId, int count) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> supervisors().get("/api/v1/notifications?appealId=" + appealId),
					(response) -> response.status() == 200 && response.json().size() == count)
			.json();
	}

	@Test
	void tellsTheWorkerAboutEachStepInChineseAndEnglish() {
		String appealId = UUID.randomUUID().toString();
		String trackingCode = "WS" + appealId.substring(0, 8).toUpperCase().replaceAll("[01]", "7");

		sender().send(Samples.forAppeal(AppealSubmitted.class, appealId, trackingCode));
		sender().send(Samples.forAppeal(CaseOpened.class, appealId, trackingCode));
		sender().send(Samples.forAppeal(CaseSigned.class, appealId, trackingCode));
		sender().send(Samples.forAppeal(CaseResolved.class, appealId, trackingCode));

		JsonNode notifications = awaitNotifications(appealId, 4);
		assertThat(notifications.findValuesAsString("template")).containsExactly("appeal.submitted", "case.opened",
				"case.signed", "case.resolved");
		assertThat(notifications.findValuesAsString("recipient")).containsOnly("138****5678");
		assertThat(notifications.findValuesAsString("status")).containsOnly("RECORDED");
		assertThat(notifications.get(0).get("message").asString()).contains(trackingCode, "已受理");
		assertThat(notifications.get(1).get("message").asString()).contains("人力资源和社会保障局");
		assertThat(notifications.get(3).get("message").asString()).contains("办结", "3260元", "评价");
		assertThat(notifications.get(3).get("messageEn").asString())
			.contains("Human Resources and Social Security Bureau", trackingCode);
		HttpJson worker = http().as(TestIssuer.get().worker(WORKER));
		assertThat(worker.get("/api/v1/notifications?trackingCode=" + trackingCode.toLowerCase()).json()).hasSize(4);
		assertThat(http().as(TestIssuer.get().staff("hrss.wang", "HRSS"))
			.get("/api/v1/notifications?appealId=" + appealId)
			.status()).isEqualTo(200);
		HttpJson.Response anotherWorker = http().as(TestIssuer.get().worker("w-bbbbbbbbbbbbbbbbbbbbbbbbbb"))
			.get("/api/v1/notifications?appealId=" + appealId);
		HttpJson.Response otherDepartment = http().as(TestIssuer.get().staff("transport.zhang", "TRANSPORT"))
			.get("/api/v1/notifications?appealId=" + appealId);
		assertThat(anotherWorker.status()).isEqualTo(404);
		assertThat(otherDepartment.status()).isEqualTo(404);
		assertThat(http().get("/api/v1/notifications?appealId=" + appealId).status()).isEqualTo(401);
	}

	@Test
	void textsAWorkerWhoAppealedBySmsEachStepOnceAndLeavesAppUsersToTheInbox() {
		String appealId = UUID.randomUUID().toString();
		String trackingCode = "WS" + appealId.substring(0, 8).toUpperCase().replaceAll("[01]", "7");
		AppealSubmitted sample = Samples.forAppeal(AppealSubmitted.class, appealId, trackingCode);
		String phone = "1390000" + appealId.replaceAll("[^0-9]", "0000").substring(0, 4);
		AppealSubmitted bySms = new AppealSubmitted(sample.eventId(), appealId, sample.occurredAt(),
				sample.schemaVersion(), sample.correlationId(), trackingCode, Channel.SMS, sample.text(), phone,
				sample.district(), sample.stationId(), sample.workerId());
		CaseOpened opened = Samples.forAppeal(CaseOpened.class, appealId, trackingCode);

		sender().send(opened);
		sender().send(bySms);
		sender().send(opened);
		sender().send(bySms);

		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(TestSms.get().to(phone)).hasSize(2));
		List<String> texts = TestSms.get().to(phone).stream().map((message) -> message.text()).toList();
		assertThat(texts).anySatisfy((text) -> assertThat(text).contains(trackingCode, "已受理"));
		assertThat(texts).anySatisfy((text) -> assertThat(text).contains("人力资源和社会保障局"));
		assertThat(TestSms.get().to(phone)).extracting((message) -> message.purpose()).containsOnly("notification");
		JsonNode notifications = awaitNotifications(appealId, 2);
		assertThat(notifications.findValuesAsString("channel")).containsOnly("SMS");
		// Nothing more goes out when the events come again.
		sender().send(opened);
		JsonNode again = awaitNotifications(appealId, 2);
		assertThat(again).hasSize(2);
		assertThat(TestSms.get().to(phone)).hasSize(2);
	}

	@Test
	void textsAWorkerWhoWroteInEnglishInEnglish() {
		String appealId = UUID.randomUUID().toString();
		String trackingCode = "WS" + appealId.substring(0, 8).toUpperCase().replaceAll("[01]", "7");
		AppealSubmitted sample = Samples.forAppeal(AppealSubmitted.class, appealId, trackingCode);
		String phone = "1390001" + appealId.replaceAll("[^0-9]", "0000").substring(0, 4);
		sender().send(new AppealSubmitted(sample.eventId(), appealId, sample.occurredAt(), sample.schemaVersion(),
				sample.correlationId(), trackingCode, Channel.SMS,
				"My station manager has not paid me for two months, 4800 yuan in all.", phone, sample.district(),
				sample.stationId(), sample.workerId()));
		sender().send(Samples.forAppeal(CaseOpened.class, appealId, trackingCode));
		sender().send(Samples.forAppeal(CaseResolved.class, appealId, trackingCode));

		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(TestSms.get().to(phone)).hasSize(3));
		List<String> texts = TestSms.get().to(phone).stream().map((message) -> message.text()).toList();
		assertThat(texts).anySatisfy((text) -> assertThat(text).startsWith("[Waystation]").contains(trackingCode));
		assertThat(texts).anySatisfy((text) -> assertThat(text).contains("Human Resources and Social Security Bureau"));
		assertThat(texts)
			.anySatisfy((text) -> assertThat(text).endsWith("Reply 1 satisfied, 2 mostly satisfied, 3 not satisfied."));
		assertThat(String.join("", texts)).doesNotContain("暖心驿站");
	}

	@Test
	void alertsTheDepartmentsSupervisorsToAnUrgentAppealOnce() {
		String appealId = UUID.randomUUID().toString();
		SupervisorAlerted alert = Samples.forAppeal(SupervisorAlerted.class, appealId, "WS56789234");

		sender().send(alert);
		sender().send(alert);

		JsonNode notifications = awaitNotifications(appealId, 1);
		JsonNode notice = notifications.get(0);
		assertThat(http().as(TestIssuer.get().supervisor("hrss.li", "HRSS"))
			.get("/api/v1/notifications?appealId=" + appealId)
			.json()).hasSize(1);
		assertThat(notice.get("template").asString()).isEqualTo("supervisor.urgent-unsure");
		assertThat(notice.get("recipient").asString()).isEqualTo("supervisors:HRSS");
		assertThat(notice.get("message").asString()).contains("WS56789234", "欠薪与工资报酬", "人力资源和社会保障局", "督办");
		assertThat(notice.get("messageEn").asString()).contains("URGENT", "Human Resources and Social Security Bureau");
	}

	private JsonNode awaitInbox(HttpJson as, int count) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> as.get("/api/v1/notifications/inbox"),
					(response) -> response.status() == 200 && response.json().get("messages").size() >= count)
			.json();
	}

	private static List<String> templatesOf(JsonNode inbox, String trackingCode) {
		List<String> templates = new java.util.ArrayList<>();
		for (JsonNode message : inbox.get("messages")) {
			if (message.get("trackingCode").asString().equals(trackingCode)) {
				templates.add(message.get("template").asString());
			}
		}
		return templates;
	}

	private void account(String username, String role, String department, String supervises, boolean enabled) {
		sender().send(new StaffAccountChanged(UUID.randomUUID(), Instant.now(), 1, "test", username, "测试",
				List.of(role), department, supervises, enabled, 1, username + "@rsj.example.cn"));
	}

	private static List<String> subjectsMailedTo(String username) {
		return TestMessaging.mail().to(username + "@rsj.example.cn").stream().map((mail) -> mail.subject()).toList();
	}

	@Test
	void tellsTheAssigneeOfTheirCaseAndTheDepartmentsSupervisorsOfWhatNeedsThem() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String boss = "hrss-li-" + suffix;
		String everyone = "city-chen-" + suffix;
		String away = "hrss-zhou-" + suffix;
		String elsewhere = "tp-sun-" + suffix;
		String officer = "hrss-wang-" + suffix;
		account(boss, "SUPERVISOR", "HRSS", "HRSS", true);
		account(everyone, "SUPERVISOR", null, "*", true);
		account(away, "SUPERVISOR", "HRSS", "HRSS", false);
		account(elsewhere, "SUPERVISOR", "TRANSPORT", "TRANSPORT", true);
		account(officer, "STAFF", "HRSS", null, true);
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.inbox.supervisorsOf("HRSS"), (ids) -> ids.contains(boss) && ids.contains(everyone)
					&& this.inbox.supervisorsOf("TRANSPORT").contains(elsewhere));
		String appealId = UUID.randomUUID().toString();
		String trackingCode = "WS" + appealId.substring(0, 8).toUpperCase().replaceAll("[01]", "7");
		CaseOpened opened = Samples.forAppeal(CaseOpened.class, appealId, trackingCode);
		java.util.function.Function<String, CaseEnvelope> step = (status) -> new CaseEnvelope(UUID.randomUUID(),
				appealId, Instant.now(), appealId, opened.caseId(), trackingCode, "HRSS", status);

		sender().send(Samples.forAppeal(SupervisorAlerted.class, appealId, trackingCode));
		sender().send(new CaseAssigned(step.apply("OPEN"), officer, "system", "ROUND_ROBIN"));
		sender().send(new SlaWarning(step.apply("OPEN"), "SIGN", 50, Instant.now()));
		sender().send(new SlaWarning(step.apply("OPEN"), "SIGN", 80, Instant.now()));
		SlaBreached breached = new SlaBreached(step.apply("OPEN"), "SIGN", Instant.now(), boss);
		sender().send(breached);
		sender().send(breached);
		sender().send(new CaseEscalated(step.apply("RATED"), "SECOND_DISSATISFACTION", boss));

		HttpJson bossInbox = http().as(TestIssuer.get().supervisor(boss, "HRSS"));
		JsonNode mine = awaitInbox(bossInbox, 4);
		assertThat(mine.get("messages").findValuesAsString("template")).containsExactlyInAnyOrder(
				"supervisor.urgent-unsure", "supervisor.sla-warning-sign", "supervisor.sla-breached-sign",
				"supervisor.escalated");
		assertThat(mine.get("unread").asLong()).isEqualTo(4);
		assertThat(mine.get("messages").findValuesAsString("message")).allMatch((m) -> m.contains(trackingCode));
		assertThat(awaitInbox(http().as(TestIssuer.get().supervisor(everyone, "*")), 4).get("messages")).hasSize(4);
		JsonNode officers = awaitInbox(http().as(TestIssuer.get().staff(officer, "HRSS")), 1);
		assertThat(officers.get("messages").findValuesAsString("template")).containsExactly("staff.assigned");
		assertThat(officers.get("messages").get(0).get("message").asString()).contains(trackingCode, "分派给您");
		assertThat(http().as(TestIssuer.get().supervisor(away, "HRSS"))
			.get("/api/v1/notifications/inbox")
			.json()
			.get("messages")).as("a disabled account is told nothing").isEmpty();
		assertThat(http().as(TestIssuer.get().supervisor(elsewhere, "TRANSPORT"))
			.get("/api/v1/notifications/inbox")
			.json()
			.get("messages")).isEmpty();

		String id = mine.get("messages").get(0).get("id").asString();
		assertThat(http().as(TestIssuer.get().supervisor(everyone, "*"))
			.post("/api/v1/notifications/inbox/" + id + "/read", "{}")
			.status()).as("another's message").isEqualTo(404);
		HttpJson.Response read = bossInbox.post("/api/v1/notifications/inbox/" + id + "/read", "{}");
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().get("readAt").isNull()).isFalse();
		assertThat(bossInbox.get("/api/v1/notifications/inbox?unread=true").json().get("messages")).hasSize(3);

		// The same by mail, once per event, with where to handle it.
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(subjectsMailedTo(boss)).hasSize(4));
		assertThat(subjectsMailedTo(boss)).containsExactlyInAnyOrder(
				"【紧急】疑似紧急诉求：" + trackingCode + " / URGENT appeal, to be checked: " + trackingCode,
				"签收时限预警：" + trackingCode + " / Time to sign for running out: " + trackingCode,
				"超过签收时限：" + trackingCode + " / Past the deadline to sign for: " + trackingCode,
				"督办复核：" + trackingCode + " / Escalation to review: " + trackingCode);
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(TestMessaging.mail().to(officer + "@rsj.example.cn")).hasSize(1));
		assertThat(TestMessaging.mail().to(officer + "@rsj.example.cn").get(0).text()).contains(trackingCode, "分派给您",
				"/staff", "has been assigned to you");
		assertThat(subjectsMailedTo(away)).as("a disabled account is mailed nothing").isEmpty();
		assertThat(subjectsMailedTo(elsewhere)).isEmpty();
	}

	@Test
	void answersAWorkerWhoCameByImThereAndNotBySms() {
		String appealId = UUID.randomUUID().toString();
		String trackingCode = "WS" + appealId.substring(0, 8).toUpperCase().replaceAll("[01]", "7");
		String user = "wx-o6_" + appealId.substring(0, 8);
		String phone = "1390002" + appealId.replaceAll("[^0-9]", "0000").substring(0, 4);
		AppealSubmitted sample = Samples.forAppeal(AppealSubmitted.class, appealId, trackingCode);
		sender().send(new AppealSubmitted(sample.eventId(), appealId, sample.occurredAt(), sample.schemaVersion(),
				sample.correlationId(), trackingCode, Channel.IM, sample.text(), phone, sample.district(), null,
				sample.workerId(), user));
		sender().send(Samples.forAppeal(CaseOpened.class, appealId, trackingCode));
		sender().send(Samples.forAppeal(CaseResolved.class, appealId, trackingCode));

		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(TestMessaging.im().to(user)).hasSize(3));
		List<String> texts = TestMessaging.im().to(user).stream().map((message) -> message.text()).toList();
		assertThat(texts).anySatisfy((text) -> assertThat(text).contains(trackingCode, "已受理", "在这里告知您"));
		assertThat(texts).anySatisfy((text) -> assertThat(text).contains("办结", "3260元", "回复1满意"));
		assertThat(String.join("", texts)).doesNotContain("短信告知");
		assertThat(TestSms.get().to(phone)).isEmpty();
		assertThat(awaitNotifications(appealId, 3).findValuesAsString("channel")).containsOnly("IM");
	}

	@Test
	void keepsATextMessageWithinOneSegmentByCuttingTheResolutionNotTheRatingRequest() {
		String appealId = UUID.randomUUID().toString();
		String trackingCode = "WS" + appealId.substring(0, 8).toUpperCase().replaceAll("[01]", "7");
		String phone = "1390003" + appealId.replaceAll("[^0-9]", "0000").substring(0, 4);
		AppealSubmitted sample = Samples.forAppeal(AppealSubmitted.class, appealId, trackingCode);
		CaseOpened opened = Samples.forAppeal(CaseOpened.class, appealId, trackingCode);
		String resolution = "经劳动保障监察大队现场核查，站点确认拖欠您2025年10月至11月配送费共计3260元，"
				+ "已责令站点于12月5日前通过银行转账一次性补发，并对站点负责人进行约谈，后续如再次发生拖欠可直接拨打12333投诉。";
		sender().send(new AppealSubmitted(sample.eventId(), appealId, sample.occurredAt(), sample.schemaVersion(),
				sample.correlationId(), trackingCode, Channel.HOTLINE, sample.text(), phone, sample.district(), null,
				sample.workerId()));
		sender().send(new CaseResolved(new CaseEnvelope(UUID.randomUUID(), appealId, Instant.now(), appealId,
				opened.caseId(), trackingCode, "HRSS", "RESOLVED"), resolution, "hrss-wang", true));

		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(TestSms.get().to(phone)).hasSize(2));
		String resolved = TestSms.get()
			.to(phone)
			.stream()
			.map((message) -> message.text())
			.filter((text) -> text.contains("办结"))
			.findFirst()
			.orElseThrow();
		assertThat(resolved.codePointCount(0, resolved.length())).isLessThanOrEqualTo(70);
		assertThat(resolved).contains(trackingCode, "经劳动保障监察", "…").endsWith("回复1满意，2基本满意，3不满意。");
		JsonNode notifications = awaitNotifications(appealId, 2);
		assertThat(notifications.findValuesAsString("message"))
			.anySatisfy((message) -> assertThat(message).contains("一次性补发"));
	}

	@Test
	void tellsTheWorkerInTheirInboxOfAQuestionAnExtensionWithItsNewDateAndReasonAndTheResolution() {
		String appealId = UUID.randomUUID().toString();
		String trackingCode = "WS" + appealId.substring(0, 8).toUpperCase().replaceAll("[01]", "7");
		CaseOpened opened = Samples.forAppeal(CaseOpened.class, appealId, trackingCode);
		java.util.function.Function<String, CaseEnvelope> step = (status) -> new CaseEnvelope(UUID.randomUUID(),
				appealId, Instant.now(), appealId, opened.caseId(), trackingCode, "HRSS", status);
		Instant due = Instant.parse("2026-12-29T09:30:00Z");

		sender().send(Samples.forAppeal(AppealSubmitted.class, appealId, trackingCode));
		sender().send(new CaseInfoRequested(step.apply("WAITING_FOR_WORKER"), "请提供结算截图。", "hrss-wang"));
		sender().send(new CaseExtended(step.apply("IN_PROGRESS"), "hrss-li", "PT14H", due, "需劳动保障监察大队现场核查。"));
		sender().send(new CaseResolved(step.apply("RESOLVED"), "站点已补发派件费2400元。", "hrss-wang", true));

		HttpJson worker = http().as(TestIssuer.get().worker(WORKER));
		JsonNode inbox = Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> worker.get("/api/v1/notifications/inbox?limit=200").json(),
					(json) -> templatesOf(json, trackingCode).size() == 4);
		assertThat(templatesOf(inbox, trackingCode)).containsExactlyInAnyOrder("appeal.submitted",
				"case.info-requested", "case.extended", "case.resolved");
		String extended = null;
		String extendedEn = null;
		for (JsonNode message : inbox.get("messages")) {
			if (message.get("template").asString().equals("case.extended")
					&& message.get("trackingCode").asString().equals(trackingCode)) {
				extended = message.get("message").asString();
				extendedEn = message.get("messageEn").asString();
			}
		}
		assertThat(extended).contains(trackingCode, "2026年12月29日", "原因：需劳动保障监察大队现场核查。");
		assertThat(extendedEn).contains("29 December 2026", "The reason: 需劳动保障监察大队现场核查。");
		assertThat(extended).doesNotContain("hrss-li", "PT14H");
	}

	@Test
	void passesOnTheDepartmentsQuestionsAndRepliesButNotItsInternalSteps() {
		String appealId = UUID.randomUUID().toString();
		sender().send(Samples.forAppeal(AppealSubmitted.class, appealId, "WS45678923"));
		sender().send(Samples.forAppeal(CaseAssigned.class, appealId, "WS45678923"));
		sender().send(Samples.forAppeal(CaseInfoRequested.class, appealId, "WS45678923"));
		sender().send(Samples.forAppeal(SlaWarning.class, appealId, "WS45678923"));
		sender().send(Samples.forAppeal(CaseReplied.class, appealId, "WS45678923"));

		JsonNode notifications = awaitNotifications(appealId, 3);
		assertThat(notifications.findValuesAsString("template")).containsExactly("appeal.submitted",
				"case.info-requested", "case.replied");
		assertThat(notifications.get(1).get("message").asString()).contains("补充信息", "聊天记录截图");
	}

	@Test
	void sendsOneMessagePerEventHoweverOftenItIsReplayed() {
		String appealId = UUID.randomUUID().toString();
		sender().send(Samples.forAppeal(AppealSubmitted.class, appealId, "WS23456789"));
		CaseSigned signed = Samples.forAppeal(CaseSigned.class, appealId, "WS23456789");

		sender().send(signed);
		sender().send(signed);
		sender().send(Samples.forAppeal(CaseResolved.class, appealId, "WS23456789"));

		JsonNode notifications = awaitNotifications(appealId, 3);
		assertThat(notifications.findValuesAsString("template")).containsExactly("appeal.submitted", "case.signed",
				"case.resolved");
	}

	@Test
	void holdsMessagesUntilTheWorkersContactIsKnown() {
		String appealId = UUID.randomUUID().toString();
		sender().send(Samples.forAppeal(CaseOpened.class, appealId, "WS34567892"));
		JsonNode pending = awaitNotifications(appealId, 1);
		assertThat(pending.get(0).get("status").asString()).isEqualTo("PENDING_CONTACT");

		sender().send(Samples.forAppeal(AppealSubmitted.class, appealId, "WS34567892"));

		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> supervisors().get("/api/v1/notifications?appealId=" + appealId).json(),
					(list) -> list.size() == 2
							&& list.findValuesAsString("status").stream().allMatch("RECORDED"::equals));
	}

	@Test
	void asksForTheAppealWhenNoneIsGiven() {
		HttpJson.Response response = supervisors().get("/api/v1/notifications");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("appealId");
	}

}
