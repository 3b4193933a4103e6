package org.waystation.department.supervision;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.waystation.events.AppealRouted;
import org.waystation.events.CaseEscalated;
import org.waystation.events.CaseOpened;
import org.waystation.events.CaseResolved;
import org.waystation.events.CaseReturnRejected;
import org.waystation.events.SlaBreached;
import org.waystation.events.SlaWarning;
import org.waystation.events.SupervisorAlerted;
import org.waystation.events.WorkerRated;
import org.waystation.testsupport.HttpJson;
import org.waystation.testsupport.MutableClock;
import org.waystation.testsupport.Samples;
import org.waystation.testsupport.ServiceScenario;
import org.waystation.testsupport.TestIssuer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervision worklist, kind by kind, as a supervisor of HRSS and the triage desk
 * work it: urgent alerts until acknowledged, pending extensions, returned cases (and a
 * rejected return), escalations, and cases at risk of and past their deadlines. The
 * service runs on a clock the test moves, so that deadlines arrive at once.
 */
@TestPropertySource(properties = { "waystation.cases.sla-check-interval=200ms", "waystation.cases.auto-assign=false" })
@Import(SupervisionScenario.TestClock.class)
abstract class SupervisionScenario extends ServiceScenario {

	private static final MutableClock CLOCK = new MutableClock(Instant.now());

	@TestConfiguration(proxyBeanMethods = false)
	static class TestClock {

		@Bean
		MutableClock testClock() {
			return CLOCK;
		}

	}

	private HttpJson supervisor() {
		return http().as(TestIssuer.get().supervisor("hrss-li", "HRSS"));
	}

	private HttpJson officer() {
		return http().as(TestIssuer.get().staff("hrss-wang", "HRSS"));
	}

	private HttpJson triage() {
		return http().as(TestIssuer.get().triage("triage-zhao"));
	}

	/** A case routed to HRSS now, with the given priority. */
	private CaseOpened open(String priority) {
		AppealRouted sample = Samples.fresh(AppealRouted.class);
		AppealRouted routed = new AppealRouted(sample.eventId(), sample.appealId(), CLOCK.instant(), 1,
				sample.correlationId(), sample.trackingCode(), sample.category(), "HRSS", sample.appealType(), priority,
				sample.confidence(), sample.matchedKeywords(), sample.explanation(), sample.district(), List.of(), null,
				null, sample.suggestions(), sample.text(), sample.channel(), sample.stationId(), sample.submittedAt(),
				sample.explanationEn(), sample.policy(), sample.routingRuleId(), sample.workerId());
		sender().send(routed);
		return events().await(CaseOpened.class, (e) -> e.appealId().equals(routed.appealId()));
	}

	private JsonNode worklist(HttpJson as, String kind) {
		HttpJson.Response response = as.get("/api/v1/supervision/worklist?kind=" + kind);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private List<String> listed(HttpJson as, String kind, String field) {
		return worklist(as, kind).get("items").findValuesAsString(field);
	}

	private void post(HttpJson as, String path, Map<String, ?> body) {
		HttpJson.Response response = as.post(path, HttpJson.json(body));
		assertThat(response.status()).as(path + " " + response).isEqualTo(200);
	}

	@Test
	void keepsAnUrgentAlertOnTheListUntilASupervisorAcknowledgesIt() {
		CaseOpened opened = open("URGENT");
		SupervisorAlerted sample = Samples.forAppeal(SupervisorAlerted.class, opened.appealId(), opened.trackingCode());
		SupervisorAlerted alert = new SupervisorAlerted(sample.eventId(), sample.appealId(), sample.occurredAt(), 1,
				sample.correlationId(), sample.trackingCode(), sample.kind(), "HRSS", sample.category(), "URGENT",
				sample.confidence(), false, sample.district(), sample.reason());
		sender().send(alert);
		String alertId = alert.eventId().toString();

		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> listed(supervisor(), "URGENT", "alertId"), (ids) -> ids.contains(alertId));
		JsonNode list = worklist(supervisor(), "URGENT");
		JsonNode item = null;
		for (JsonNode candidate : list.get("items")) {
			if (candidate.get("alertId").asString().equals(alertId)) {
				item = candidate;
			}
		}
		assertThat(item.get("appealId").asString()).isEqualTo(opened.appealId());
		assertThat(item.get("caseId").asString()).isEqualTo(opened.caseId());
		assertThat(item.get("kind").asString()).isEqualTo("URGENT");
		assertThat(list.get("counts").get("URGENT").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(officer().get("/api/v1/supervision/worklist?kind=URGENT").status()).isEqualTo(403);
		assertThat(triage().get("/api/v1/supervision/worklist?kind=URGENT").status()).isEqualTo(403);
		assertThat(http().as(TestIssuer.get().supervisor("tp-zhou", "TRANSPORT"))
			.post("/api/v1/supervision/alerts/" + alertId + "/ack", "{}")
			.status()).as("another department's alert does not exist for them").isEqualTo(404);

		HttpJson.Response acknowledged = supervisor().post("/api/v1/supervision/alerts/" + alertId + "/ack", "{}");

		assertThat(acknowledged.status()).isEqualTo(200);
		assertThat(acknowledged.json().get("acknowledgedBy").asString()).isEqualTo("hrss-li");
		assertThat(listed(supervisor(), "URGENT", "alertId")).doesNotContain(alertId);
		HttpJson.Response again = supervisor().post("/api/v1/supervision/alerts/" + alertId + "/ack", "{}");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("detail").asString()).contains("already acknowledged by hrss-li");
	}

	@Test
	void listsPendingExtensionsUntilTheyAreDecided() {
		String caseId = open("NORMAL").caseId();
		post(officer(), "/api/v1/cases/" + caseId + "/sign", Map.of());
		post(officer(), "/api/v1/cases/" + caseId + "/extension",
				Map.of("extension", "PT14H", "reason", "需劳动保障监察大队现场核查。"));

		assertThat(listed(supervisor(), "EXTENSION_PENDING", "caseId")).contains(caseId);
		assertThat(listed(supervisor(), "EXTENSION_PENDING", "reason")).contains("PT14H: 需劳动保障监察大队现场核查。");
		HttpJson.Response tooLong = officer().post("/api/v1/cases/" + caseId + "/extension",
				HttpJson.json(Map.of("extension", "PT14H", "reason", "再延")));
		assertThat(tooLong.status()).as("one request waits already").isEqualTo(409);
		post(supervisor(), "/api/v1/cases/" + caseId + "/extension/approve", Map.of());
		assertThat(listed(supervisor(), "EXTENSION_PENDING", "caseId")).doesNotContain(caseId);
		HttpJson.Response beyond = officer().post("/api/v1/cases/" + caseId + "/extension",
				HttpJson.json(Map.of("extension", "PT700H", "reason", "再延")));
		assertThat(beyond.status()).as("beyond the policy's time to resolve").isEqualTo(400);
		assertThat(beyond.json().get("errors").get(0).get("field").asString()).isEqualTo("extension");
	}

	@Test
	void letsTheTriageDeskRejectAReturnAndSendTheCaseBackWithItsClockRunning() {
		String caseId = open("NORMAL").caseId();
		String cases = "/api/v1/cases/" + caseId;
		post(officer(), cases + "/sign", Map.of());
		JsonNode signed = officer().get(cases).json();
		HttpJson.Response withoutBasis = officer().post(cases + "/return", HttpJson.json(Map.of("reason", "押金由平台收取")));
		assertThat(withoutBasis.status()).isEqualTo(400);
		assertThat(withoutBasis.json().get("errors").get(0).get("field").asString()).isEqualTo("basis");
		post(officer(), cases + "/return", Map.of("reason", "押金由平台收取", "basis", "《北京市接诉即办工作条例》第十五条；区人社局职责清单（2026年版）"));

		assertThat(listed(triage(), "RETURNED", "caseId")).contains(caseId);
		assertThat(listed(supervisor(), "RETURNED", "caseId")).contains(caseId);
		assertThat(supervisor().post(cases + "/return/reject", HttpJson.json(Map.of("reason", "属本部门"))).status())
			.isEqualTo(403);
		post(triage(), cases + "/return/reject", Map.of("reason", "该站点押金由站点自行收取，属劳动报酬争议，应由人社局办理。"));

		assertThat(events().await(CaseReturnRejected.class, (e) -> e.caseId().equals(caseId)).rejectedBy())
			.isEqualTo("triage-zhao");
		JsonNode back = officer().get(cases).json();
		assertThat(back.get("status").asString()).isEqualTo("SIGNED");
		assertThat(back.get("resolveDueAt").asString()).isEqualTo(signed.get("resolveDueAt").asString());
		assertThat(back.get("returnBasis").asString()).contains("职责清单");
		assertThat(back.get("history").findValuesAsString("action")).containsSubsequence("RETURNED", "RETURN_REJECTED");
		assertThat(listed(triage(), "RETURNED", "caseId")).doesNotContain(caseId);
		assertThat(officer().post(cases + "/return", HttpJson.json(Map.of("reason", "仍不属本部门", "basis", "同上"))).status())
			.isEqualTo(409);
	}

	@Test
	void listsASecondDissatisfactionAsEscalatedUntilTheSupervisorClosesIt() {
		CaseOpened opened = open("NORMAL");
		String cases = "/api/v1/cases/" + opened.caseId();
		post(officer(), cases + "/sign", Map.of());
		for (String resolution : List.of("已约谈站点负责人。", "已再次约谈并责令整改。")) {
			post(officer(), cases + "/resolve", Map.of("resolution", resolution));
			events().await(CaseResolved.class,
					(e) -> e.caseId().equals(opened.caseId()) && e.resolution().equals(resolution));
			sender().send(new WorkerRated(UUID.randomUUID(), opened.appealId(), CLOCK.instant(), 1,
					opened.correlationId(), opened.caseId(), opened.trackingCode(), "DISSATISFIED", "问题没有解决。"));
			Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.until(() -> officer().get(cases).json().get("status").asString(),
						(status) -> status.equals("REOPENED") || status.equals("RATED"));
		}
		events().await(CaseEscalated.class, (e) -> e.caseId().equals(opened.caseId()));

		assertThat(listed(supervisor(), "ESCALATED", "caseId")).contains(opened.caseId());
		post(supervisor(), cases + "/close", Map.of("resolved", false, "reason", "已告知工人可申请劳动仲裁。"));
		assertThat(listed(supervisor(), "ESCALATED", "caseId")).doesNotContain(opened.caseId());
	}

	@Test
	void listsACaseAtRiskPastEightyPerCentAndBreachedPastItsDeadline() {
		// URGENT: 30 minutes to sign for, around the clock.
		CaseOpened opened = open("URGENT");
		assertThat(listed(supervisor(), "AT_RISK", "caseId")).doesNotContain(opened.caseId());

		CLOCK.advance(Duration.ofMinutes(25));
		events().await(SlaWarning.class, (e) -> e.caseId().equals(opened.caseId()) && e.threshold() == 80);
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> listed(supervisor(), "AT_RISK", "caseId"), (ids) -> ids.contains(opened.caseId()));
		assertThat(listed(supervisor(), "BREACHED", "caseId")).doesNotContain(opened.caseId());

		CLOCK.advance(Duration.ofMinutes(10));
		events().await(SlaBreached.class, (e) -> e.caseId().equals(opened.caseId()));
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> listed(supervisor(), "BREACHED", "caseId"), (ids) -> ids.contains(opened.caseId()));
		assertThat(listed(supervisor(), "AT_RISK", "caseId")).doesNotContain(opened.caseId());
		assertThat(listed(supervisor(), "ESCALATED", "caseId")).contains(opened.caseId());
		JsonNode all = supervisor().get("/api/v1/supervision/worklist").json();
		assertThat(all.get("counts").get("BREACHED").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(all.get("counts").propertyNames()).containsExactlyInAnyOrder("URGENT", "ESCALATED",
				"EXTENSION_PENDING", "RETURNED", "AT_RISK", "BREACHED");
		assertThat(http().as(TestIssuer.get().supervisor("tp-zhou", "TRANSPORT"))
			.get("/api/v1/supervision/worklist?kind=BREACHED&department=HRSS")
			.status()).isEqualTo(403);
	}

}
