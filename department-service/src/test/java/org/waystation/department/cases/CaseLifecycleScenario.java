package org.waystation.department.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;
import org.waystation.events.AppealRouted;
import org.waystation.events.CaseAssigned;
import org.waystation.events.CaseClosed;
import org.waystation.events.CaseEvent;
import org.waystation.events.CaseExtended;
import org.waystation.events.CaseInfoProvided;
import org.waystation.events.CaseOpened;
import org.waystation.events.CaseRated;
import org.waystation.events.CaseReopened;
import org.waystation.events.CaseResolved;
import org.waystation.events.WorkerAnswered;
import org.waystation.events.WorkerRated;
import org.waystation.testsupport.HttpJson;
import org.waystation.testsupport.Samples;
import org.waystation.testsupport.ServiceScenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A case through its whole life as 12345 centres handle one — signing, a question to the
 * worker and the answer, an extension, resolution, a dissatisfied rating and reopening,
 * resolution again, a satisfied rating — with the events and the KPIs it leaves behind.
 */
@TestPropertySource(properties = "waystation.kpi.metrics-interval=500ms")
abstract class CaseLifecycleScenario extends ServiceScenario {

	private <T extends CaseEvent> T await(Class<T> type, String caseId) {
		return events().await(type, (e) -> e.caseId().equals(caseId));
	}

	private <T extends CaseEvent> T await(Class<T> type, String caseId, Predicate<T> condition) {
		return events().await(type, (e) -> e.caseId().equals(caseId) && condition.test(e));
	}

	private JsonNode post(String path, Map<String, ?> body) {
		HttpJson.Response response = http().post(path, HttpJson.json(body));
		assertThat(response.status()).as(path + " " + response).isEqualTo(200);
		return response.json();
	}

	private WorkerAnswered answer(CaseOpened opened, String text) {
		return new WorkerAnswered(UUID.randomUUID(), opened.appealId(), Instant.now(), 1, opened.correlationId(),
				opened.caseId(), opened.trackingCode(), text);
	}

	private WorkerRated rating(CaseOpened opened, String rating, String comment) {
		return new WorkerRated(UUID.randomUUID(), opened.appealId(), Instant.now(), 1, opened.correlationId(),
				opened.caseId(), opened.trackingCode(), rating, comment);
	}

	@Test
	void carriesACaseFromSigningThroughReopeningToASatisfiedRating() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String supervisor = "hrss-li-" + suffix;
		String officer = "hrss-wang-" + suffix;
		String district = "测试区-" + suffix;
		assertThat(
				http()
					.put("/api/v1/staff/" + supervisor,
							HttpJson
								.json(Map.of("name", "李华", "department", "HRSS", "supervisor", true, "onDuty", false)))
					.status())
			.isEqualTo(200);
		assertThat(
				http()
					.put("/api/v1/staff/" + officer,
							HttpJson
								.json(Map.of("name", "王建国", "department", "HRSS", "supervisor", false, "onDuty", true)))
					.status())
			.isEqualTo(200);
		AppealRouted sample = Samples.fresh(AppealRouted.class);
		AppealRouted routed = new AppealRouted(sample.eventId(), sample.appealId(), sample.occurredAt(), 1,
				sample.correlationId(), sample.trackingCode(), "WAGE_ARREARS", "HRSS", "HELP", "HIGH", 0.9,
				sample.matchedKeywords(), sample.explanation(), district, java.util.List.of("JUSTICE"), null, null,
				java.util.List.of());

		sender().send(routed);

		CaseOpened opened = events().await(CaseOpened.class,
				(e) -> e.appealId().equals(routed.appealId()) && e.role().equals("LEAD"));
		String caseId = opened.caseId();
		String cases = "/api/v1/cases/" + caseId;
		assertThat(opened.department()).isEqualTo("HRSS");
		assertThat(opened.resolveDueAt()).isAfter(opened.signDueAt());
		assertThat(events()
			.await(CaseOpened.class, (e) -> e.appealId().equals(routed.appealId()) && e.role().equals("ASSIST"))
			.department()).isEqualTo("JUSTICE");
		await(CaseAssigned.class, caseId);

		post(cases + "/sign", Map.of("staff", "王建国"));
		post(cases + "/start", Map.of("staff", "王建国"));
		post(cases + "/notes", Map.of("text", "站长电话 139****0000，已联系。", "staff", "王建国"));
		JsonNode waiting = post(cases + "/info-requests", Map.of("text", "请提供与站点的聊天记录截图。", "staff", "王建国"));
		assertThat(waiting.get("status").asString()).isEqualTo("WAITING_FOR_WORKER");
		Instant dueWhileWaiting = Instant.parse(waiting.get("resolveDueAt").asString());

		sender().send(answer(opened, "聊天记录已上传，站点在酒仙桥路10号。"));
		CaseInfoProvided provided = await(CaseInfoProvided.class, caseId);
		assertThat(provided.resolveDueAt()).isAfterOrEqualTo(dueWhileWaiting);

		post(cases + "/extension", Map.of("extension", "PT14H", "reason", "需劳动保障监察大队现场核查。", "staff", "王建国"));
		assertThat(http().post(cases + "/extension/approve", HttpJson.json(Map.of("supervisor", officer))).status())
			.isEqualTo(403);
		JsonNode extended = post(cases + "/extension/approve", Map.of("supervisor", supervisor));
		assertThat(Instant.parse(extended.get("resolveDueAt").asString())).isAfter(provided.resolveDueAt());
		assertThat(await(CaseExtended.class, caseId).approvedBy()).isEqualTo(supervisor);

		post(cases + "/resolve", Map.of("resolution", "站点已结清配送费3260元。", "staff", "王建国"));
		await(CaseResolved.class, caseId);
		sender().send(rating(opened, "DISSATISFIED", "只到账了一半。"));
		CaseReopened reopened = await(CaseReopened.class, caseId);
		assertThat(reopened.reopenCount()).isEqualTo(1);
		assertThat(http().get(cases).json().get("status").asString()).isEqualTo("REOPENED");

		post(cases + "/resolve", Map.of("resolution", "已督促站点补发剩余1630元，今日已到账。", "staff", "王建国"));
		await(CaseResolved.class, caseId, (e) -> e.resolution().contains("1630"));
		sender().send(rating(opened, "SATISFIED", "全部到账了，谢谢。"));
		CaseClosed closed = await(CaseClosed.class, caseId);

		assertThat(closed.resolved()).isTrue();
		assertThat(events().all(CaseRated.class, (e) -> e.caseId().equals(caseId))).extracting(CaseRated::rating)
			.containsExactly("DISSATISFIED", "SATISFIED");
		JsonNode c = http().get(cases).json();
		assertThat(c.get("status").asString()).isEqualTo("CLOSED");
		assertThat(c.get("notes").findValuesAsString("kind")).contains("NOTE", "ANSWER");

		String today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
		JsonNode report = http().get("/api/v1/kpis?from=" + today + "&to=" + today + "&groupBy=district").json();
		JsonNode row = null;
		for (JsonNode candidate : report.get("rows")) {
			if (candidate.get("group").asString().equals(district)) {
				row = candidate;
			}
		}
		assertThat(row).as(report.toString()).isNotNull();
		assertThat(row.get("opened").asLong()).isEqualTo(2);
		assertThat(row.get("responseRate").asDouble()).isEqualTo(1.0);
		assertThat(row.get("closed").asLong()).isEqualTo(1);
		assertThat(row.get("resolutionRate").asDouble()).isEqualTo(1.0);
		assertThat(row.get("rated").asLong()).isEqualTo(1);
		assertThat(row.get("satisfactionRate").asDouble()).isEqualTo(1.0);
		assertThat(row.get("reopenings").asLong()).isEqualTo(1);
		assertThat(row.get("backlog").asLong()).as("the assisting case is still open").isEqualTo(1);
		Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			String metrics = http().get("/actuator/prometheus").body();
			assertThat(metrics).contains("waystation_kpi_response_rate{", "department=\"HRSS\"");
			assertThat(metrics).contains("waystation_cases_events_total{").contains("type=\"CaseReopened\"");
		});
	}

	@Test
	void answersKpiRequestsItCannotServeWithTheFieldAtFault() {
		assertThat(http().get("/api/v1/kpis?from=2026-11-01&to=2026-10-01")
			.json()
			.get("errors")
			.get(0)
			.get("field")
			.asString()).isEqualTo("to");
		assertThat(http().get("/api/v1/kpis?from=yesterday&to=2026-10-01").status()).isEqualTo(400);
		assertThat(http().get("/api/v1/kpis?from=2026-10-01&to=2026-11-01&groupBy=weather")
			.json()
			.get("errors")
			.get(0)
			.get("field")
			.asString()).isEqualTo("groupBy");
	}

}
