package org.waystation.department.cases;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;
import org.waystation.events.AppealRouted;
import org.waystation.events.CaseOpened;
import org.waystation.events.CaseResolved;
import org.waystation.events.CaseSigned;
import org.waystation.testsupport.HttpJson;
import org.waystation.testsupport.Samples;
import org.waystation.testsupport.ServiceScenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * department-service against a real broker and MongoDB-wire server; subclasses say which.
 */
@TestPropertySource(
		properties = { "waystation.kpi.metrics-interval=500ms", "waystation.cases.sla-check-interval=500ms" })
abstract class DepartmentScenario extends ServiceScenario {

	@Autowired
	MongoTemplate mongo;

	private CaseOpened openCase(AppealRouted routed) {
		sender().send(routed);
		return events().await(CaseOpened.class, (e) -> e.appealId().equals(routed.appealId()));
	}

	@Test
	void opensACaseInTheRoutedDepartmentsQueue() {
		AppealRouted routed = Samples.fresh(AppealRouted.class);

		CaseOpened opened = openCase(routed);

		assertThat(opened.department()).isEqualTo("HRSS");
		assertThat(opened.trackingCode()).isEqualTo(routed.trackingCode());
		JsonNode queue = http().get("/api/v1/departments/HRSS/cases?status=OPEN&size=100").json();
		assertThat(queue.get("departmentName").asString()).isEqualTo("人力资源和社会保障局");
		assertThat(queue.get("items").findValuesAsString("caseId")).contains(opened.caseId());
		JsonNode signedQueue = http().get("/api/v1/departments/HRSS/cases?status=SIGNED&size=100").json();
		assertThat(signedQueue.get("items").findValuesAsString("caseId")).doesNotContain(opened.caseId());
	}

	@Test
	void signsAndResolvesACasePublishingEachStep() {
		CaseOpened opened = openCase(Samples.fresh(AppealRouted.class));

		HttpJson.Response signed = http().post("/api/v1/cases/" + opened.caseId() + "/sign",
				HttpJson.json(Map.of("staff", "王建国")));
		HttpJson.Response resolved = http().post("/api/v1/cases/" + opened.caseId() + "/resolve",
				HttpJson.json(Map.of("resolution", "已约谈站点负责人，拖欠的配送费已于今日结清。", "staff", "王建国")));

		assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
		assertThat(signed.json().get("status").asString()).isEqualTo("SIGNED");
		assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
		assertThat(resolved.json().get("status").asString()).isEqualTo("RESOLVED");
		assertThat(events().await(CaseSigned.class, (e) -> e.caseId().equals(opened.caseId())).signedBy())
			.isEqualTo("王建国");
		assertThat(events().await(CaseResolved.class, (e) -> e.caseId().equals(opened.caseId())).resolution())
			.isEqualTo("已约谈站点负责人，拖欠的配送费已于今日结清。");
		assertThat(http().get("/api/v1/cases/" + opened.caseId()).json().get("resolvedBy").asString()).isEqualTo("王建国");
	}

	@Test
	void refusesIllegalTransitionsWithTheReason() {
		CaseOpened opened = openCase(Samples.fresh(AppealRouted.class));

		HttpJson.Response early = http().post("/api/v1/cases/" + opened.caseId() + "/resolve",
				HttpJson.json(Map.of("resolution", "已处理")));
		http().post("/api/v1/cases/" + opened.caseId() + "/sign", "{}");
		HttpJson.Response twice = http().post("/api/v1/cases/" + opened.caseId() + "/sign", "{}");

		assertThat(early.status()).isEqualTo(409);
		assertThat(early.json().get("detail").asString()).contains("signed for first");
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.json().get("code").asString()).isEqualTo("illegal-transition");
	}

	@Test
	void letsOnlyOneOfTwoSimultaneousSignaturesWin() throws Exception {
		CaseOpened opened = openCase(Samples.fresh(AppealRouted.class));
		CountDownLatch start = new CountDownLatch(1);

		List<CompletableFuture<Integer>> attempts = List.of("王建国", "李敏")
			.stream()
			.map((staff) -> CompletableFuture.supplyAsync(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return http().post("/api/v1/cases/" + opened.caseId() + "/sign", HttpJson.json(Map.of("staff", staff)))
					.status();
			}))
			.toList();
		start.countDown();

		assertThat(attempts.stream().map(CompletableFuture::join)).containsExactlyInAnyOrder(200, 409);
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.mongo.findById(opened.caseId(), Case.class).getOutbox().isEmpty());
		assertThat(events().all(CaseSigned.class, (e) -> e.caseId().equals(opened.caseId()))).hasSize(1);
	}

	@Test
	void opensOneCaseHoweverOftenTheRoutingIsReplayed() {
		AppealRouted routed = Samples.fresh(AppealRouted.class);
		openCase(routed);

		sender().send(routed);
		sender().send(routed);
		AppealRouted marker = Samples.forAppeal(AppealRouted.class, routed.appealId() + "-marker", "WS99999999");
		sender().sendRaw(marker.topic(), routed.appealId(), org.waystation.events.EventCodec.toBytes(marker));
		events().await(CaseOpened.class, (e) -> e.appealId().equals(marker.appealId()));

		assertThat(this.mongo.count(Query.query(Criteria.where("appealId").is(routed.appealId())), Case.class))
			.isEqualTo(1);
		assertThat(events().all(CaseOpened.class, (e) -> e.appealId().equals(routed.appealId()))
			.stream()
			.map(CaseOpened::eventId)
			.distinct()).hasSize(1);
	}

	@Test
	void rejectsBadRequestsNamingTheProblem() {
		CaseOpened opened = openCase(Samples.fresh(AppealRouted.class));
		http().post("/api/v1/cases/" + opened.caseId() + "/sign", "{}");

		HttpJson.Response blank = http().post("/api/v1/cases/" + opened.caseId() + "/resolve",
				HttpJson.json(Map.of("resolution", "  ")));
		HttpJson.Response badStatus = http().get("/api/v1/departments/HRSS/cases?status=DONE");
		HttpJson.Response bigPage = http().get("/api/v1/departments/HRSS/cases?size=1000");
		HttpJson.Response unknownDepartment = http().get("/api/v1/departments/MINISTRY_OF_MAGIC/cases");
		HttpJson.Response unknownCase = http().post("/api/v1/cases/no-such-case/sign", "{}");

		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.json().get("errors").get(0).get("field").asString()).isEqualTo("resolution");
		assertThat(badStatus.status()).isEqualTo(400);
		assertThat(badStatus.json().get("errors").get(0).get("field").asString()).isEqualTo("status");
		assertThat(badStatus.json().get("errors").get(0).get("problem").asString())
			.contains("OPEN, SIGNED, IN_PROGRESS, WAITING_FOR_WORKER");
		assertThat(bigPage.status()).isEqualTo(400);
		assertThat(bigPage.json().get("errors").get(0).get("field").asString()).isEqualTo("size");
		assertThat(unknownDepartment.status()).isEqualTo(404);
		assertThat(unknownCase.status()).isEqualTo(404);
	}

}
