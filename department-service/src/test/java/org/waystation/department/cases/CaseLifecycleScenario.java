package org.waystation.department.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
import org.waystation.events.StaffAccountChanged;
import org.waystation.events.WorkerAnswered;
import org.waystation.events.WorkerRated;
import org.waystation.testsupport.HttpJson;
import org.waystation.testsupport.Samples;
import org.waystation.testsupport.ServiceScenario;
import org.waystation.testsupport.TestIssuer;

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

	private JsonNode post(HttpJson as, String path, Map<String, ?> body) {
		HttpJson.Response response = as.post(path, HttpJson.json(body));
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
		// The roster comes from the identity service's accounts.
		sender().send(new StaffAccountChanged(UUID.randomUUID(), Instant.now(), 1, "test", supervisor, "李华",
				List.of("SUPERVISOR"), "HRSS", "HRSS", true, 1));
		sender().send(new StaffAccountChanged(UUID.randomUUID(), Instant.now(), 1, "test", officer, "王建国",
				List.of("STAFF"), "HRSS", null, true, 1));
		HttpJson boss = http().as(TestIssuer.get().supervisor(supervisor, "HRSS"));
		HttpJson wang = http().as(TestIssuer.get().staff(officer, "HRSS"));
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> boss.get("/api/v1/departments/HRSS/staff").json().findValuesAsString("id"),
					(ids) -> ids.contains(officer) && ids.contains(supervisor));
		AppealRouted sample = Samples.fresh(AppealRouted.class);
		AppealRouted routed = new AppealRouted(sample.eventId(), sample.appealId(), sample.occurredAt(), 1,
				sample.correlationId(), sample.trackingCode(), "WAGE_ARREARS", "HRSS", "HELP", "HIGH", 0.9,
				sample.matchedKeywords(), sample.explanation(), district, java.util.List.of("JUSTICE"), null, null,
				java.util.List.of(), sample.text(), sample.channel(), sample.stationId(), sample.submittedAt(),
				sample.explanationEn(), sample.policy(), sample.routingRuleId(), sample.workerId());

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
		assertThat(await(CaseAssigned.class, caseId).assignee()).isEqualTo(officer);

		// The case file: the worker's own words, where they came from and why it came
		// here.
		JsonNode file = wang.get(cases).json();
		assertThat(file.get("text").asString()).isEqualTo(sample.text());
		assertThat(file.get("channel").asString()).isEqualTo(sample.channel());
		assertThat(Instant.parse(file.get("submittedAt").asString())).isEqualTo(sample.submittedAt());
		assertThat(file.get("contact").asString()).isEqualTo("/api/v1/appeals/" + sample.trackingCode() + "/contact");
		assertThat(file.get("routing").get("explanation").asString()).isEqualTo(sample.explanation());
		assertThat(file.get("routing").get("ruleId").asString()).isEqualTo(sample.routingRuleId());
		assertThat(file.get("relatedCases").findValuesAsString("department")).containsExactlyInAnyOrder("HRSS",
				"JUSTICE");
		assertThat(wang.get("/api/v1/departments/HRSS/cases?q=" + sample.text().substring(2, 8) + "&size=100")
			.json()
			.get("items")
			.findValuesAsString("caseId")).contains(caseId);
		assertThat(wang.get("/api/v1/departments/HRSS/cases?trackingCode=" + sample.trackingCode())
			.json()
			.get("items")
			.findValuesAsString("caseId")).containsExactly(caseId);

		post(wang, cases + "/sign", Map.of());
		post(wang, cases + "/start", Map.of());
		post(wang, cases + "/notes", Map.of("text", "站长电话 139****0000，已联系。"));
		JsonNode waiting = post(wang, cases + "/info-requests", Map.of("text", "请提供与站点的聊天记录截图。"));
		assertThat(waiting.get("status").asString()).isEqualTo("WAITING_FOR_WORKER");
		Instant dueWhileWaiting = Instant.parse(waiting.get("resolveDueAt").asString());

		sender().send(answer(opened, "聊天记录已上传，站点在酒仙桥路10号。"));
		CaseInfoProvided provided = await(CaseInfoProvided.class, caseId);
		assertThat(provided.resolveDueAt()).isAfterOrEqualTo(dueWhileWaiting);

		post(wang, cases + "/extension", Map.of("extension", "PT14H", "reason", "需劳动保障监察大队现场核查。"));
		assertThat(wang.post(cases + "/extension/approve", HttpJson.json(Map.of("supervisor", supervisor))).status())
			.isEqualTo(403);
		JsonNode extended = post(boss, cases + "/extension/approve", Map.of());
		assertThat(Instant.parse(extended.get("resolveDueAt").asString())).isAfter(provided.resolveDueAt());
		assertThat(await(CaseExtended.class, caseId).approvedBy()).isEqualTo(supervisor);

		post(wang, cases + "/resolve", Map.of("resolution", "站点已结清配送费3260元。"));
		await(CaseResolved.class, caseId);
		sender().send(rating(opened, "DISSATISFIED", "只到账了一半。"));
		CaseReopened reopened = await(CaseReopened.class, caseId);
		assertThat(reopened.reopenCount()).isEqualTo(1);
		assertThat(wang.get(cases).json().get("status").asString()).isEqualTo("REOPENED");

		post(wang, cases + "/resolve", Map.of("resolution", "已督促站点补发剩余1630元，今日已到账。"));
		await(CaseResolved.class, caseId, (e) -> e.resolution().contains("1630"));
		sender().send(rating(opened, "SATISFIED", "全部到账了，谢谢。"));
		CaseClosed closed = await(CaseClosed.class, caseId);

		assertThat(closed.resolved()).isTrue();
		assertThat(events().all(CaseRated.class, (e) -> e.caseId().equals(caseId))).extracting(CaseRated::rating)
			.containsExactly("DISSATISFIED", "SATISFIED");
		JsonNode c = wang.get(cases).json();
		assertThat(c.get("status").asString()).isEqualTo("CLOSED");
		assertThat(c.get("notes").findValuesAsString("kind")).contains("NOTE", "ANSWER");

		// The history: every step with who did it; nothing overwritten.
		List<String> steps = new java.util.ArrayList<>();
		for (JsonNode entry : c.get("history")) {
			steps.add(entry.get("action").asString() + ":" + entry.get("actor").asString() + ":"
					+ (entry.hasNonNull("text") ? entry.get("text").asString() : "")
					+ (entry.hasNonNull("detail") ? ":" + entry.get("detail").asString() : ""));
		}
		assertThat(steps).containsSubsequence("SIGNED:" + officer + ":", "STARTED:" + officer + ":",
				"NOTE:" + officer + ":站长电话 139****0000，已联系。", "QUESTION:" + officer + ":请提供与站点的聊天记录截图。",
				"ANSWER:worker:聊天记录已上传，站点在酒仙桥路10号。", "EXTENSION_REQUESTED:" + officer + ":需劳动保障监察大队现场核查。:PT14H",
				"EXTENSION_APPROVED:" + supervisor + ":需劳动保障监察大队现场核查。:PT14H",
				"RESOLVED:" + officer + ":站点已结清配送费3260元。:ON_TIME", "RATED:worker:只到账了一半。:DISSATISFIED",
				"REOPENED:worker:只到账了一半。:1", "RESOLVED:" + officer + ":已督促站点补发剩余1630元，今日已到账。:ON_TIME",
				"RATED:worker:全部到账了，谢谢。:SATISFIED", "CLOSED:worker:SATISFIED:RESOLVED");
		for (JsonNode entry : c.get("history")) {
			boolean internal = List
				.of("NOTE", "EXTENSION_REQUESTED", "EXTENSION_REJECTED", "ASSIGNED", "RETURNED", "RETURN_REJECTED",
						"ESCALATED", "SLA_WARNING", "SLA_BREACHED")
				.contains(entry.get("action").asString());
			assertThat(entry.get("internal").asBoolean()).as(entry.toString()).isEqualTo(internal);
		}
		// The record of a closed case is complete.
		HttpJson.Response lateNote = wang.post(cases + "/notes", HttpJson.json(Map.of("text", "补记")));
		assertThat(lateNote.status()).isEqualTo(409);
		assertThat(lateNote.json().get("caseStatus").asString()).isEqualTo("CLOSED");

		String today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
		HttpJson everyDepartment = http().as(TestIssuer.get().supervisor("chen", "*"));
		JsonNode report = everyDepartment.get("/api/v1/kpis?from=" + today + "&to=" + today + "&groupBy=district")
			.json();
		assertThat(wang.get("/api/v1/kpis?from=" + today + "&to=" + today).status()).isEqualTo(403);
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
		JsonNode allDepartments = everyDepartment
			.get("/api/v1/kpis?from=" + today + "&to=" + today + "&groupBy=department")
			.json();
		JsonNode hrssOnly = boss.get("/api/v1/kpis?from=" + today + "&to=" + today + "&groupBy=department").json();
		assertThat(allDepartments.get("rows").findValuesAsString("group")).contains("HRSS", "JUSTICE");
		assertThat(hrssOnly.get("rows").findValuesAsString("group")).containsExactly("HRSS");
		Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			String metrics = http().get("/actuator/prometheus").body();
			assertThat(metrics).contains("waystation_kpi_response_rate{", "department=\"HRSS\"");
			assertThat(metrics).contains("waystation_cases_events_total{").contains("type=\"CaseReopened\"");
		});
	}

	@Test
	void answersKpiRequestsItCannotServeWithTheFieldAtFault() {
		HttpJson http = http().as(TestIssuer.get().supervisor("chen", "*"));
		assertThat(http.get("/api/v1/kpis?from=2026-11-01&to=2026-10-01")
			.json()
			.get("errors")
			.get(0)
			.get("field")
			.asString()).isEqualTo("to");
		assertThat(http.get("/api/v1/kpis?from=yesterday&to=2026-10-01").status()).isEqualTo(400);
		assertThat(http.get("/api/v1/kpis?from=2026-10-01&to=2026-11-01&groupBy=weather")
			.json()
			.get("errors")
			.get(0)
			.get("field")
			.asString()).isEqualTo("groupBy");
	}

}
