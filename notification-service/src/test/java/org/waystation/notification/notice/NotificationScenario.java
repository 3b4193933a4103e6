package org.waystation.notification.notice;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.waystation.events.AppealSubmitted;
import org.waystation.events.EventSamples;
import org.waystation.events.CaseAssigned;
import org.waystation.events.CaseInfoRequested;
import org.waystation.events.CaseOpened;
import org.waystation.events.CaseReplied;
import org.waystation.events.SlaWarning;
import org.waystation.events.SupervisorAlerted;
import org.waystation.events.CaseResolved;
import org.waystation.events.CaseSigned;
import org.waystation.testsupport.HttpJson;
import org.waystation.testsupport.Samples;
import org.waystation.testsupport.TestIssuer;
import org.waystation.testsupport.ServiceScenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * notification-service against a real broker and MongoDB-wire server; subclasses say
 * which.
 */
abstract class NotificationScenario extends ServiceScenario {

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
