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
import org.waystation.testsupport.TestIssuer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * department-service against a real broker and MongoDB-wire server; subclasses say which.
 */
@TestPropertySource(
		properties = { "waystation.kpi.metrics-interval=500ms", "waystation.cases.sla-check-interval=500ms" })
abstract class DepartmentScenario extends ServiceScenario {

	@Autowired
	MongoTemplate mongo;

	private HttpJson hrss(String username) {
		return http().as(TestIssuer.get().staff(username, "HRSS"));
	}

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
		JsonNode queue = hrss("hrss.wang").get("/api/v1/departments/HRSS/cases?status=OPEN&size=100").json();
		assertThat(queue.get("departmentName").asString()).isEqualTo("人力资源和社会保障局");
		assertThat(queue.get("items").findValuesAsString("caseId")).contains(opened.caseId());
		JsonNode signedQueue = hrss("hrss.wang").get("/api/v1/departments/HRSS/cases?status=SIGNED&size=100").json();
		assertThat(signedQueue.get("items").findValuesAsString("caseId")).doesNotContain(opened.caseId());
	}

	@Test
	void signsAndResolvesACasePublishingEachStep() {
		CaseOpened opened = openCase(Samples.fresh(AppealRouted.class));

		HttpJson officer = hrss("hrss.wangjianguo");
		HttpJson.Response signed = officer.post("/api/v1/cases/" + opened.caseId() + "/sign",
				HttpJson.json(Map.of("staff", "冒名顶替")));
		HttpJson.Response resolved = officer.post("/api/v1/cases/" + opened.caseId() + "/resolve",
				HttpJson.json(Map.of("resolution", "已约谈站点负责人，拖欠的配送费已于今日结清。")));

		assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
		assertThat(signed.json().get("status").asString()).isEqualTo("SIGNED");
		assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
		assertThat(resolved.json().get("status").asString()).isEqualTo("RESOLVED");
		assertThat(events().await(CaseSigned.class, (e) -> e.caseId().equals(opened.caseId())).signedBy())
			.as("who signed is the token's subject, not what the body claims")
			.isEqualTo("hrss.wangjianguo");
		assertThat(events().await(CaseResolved.class, (e) -> e.caseId().equals(opened.caseId())).resolution())
			.isEqualTo("已约谈站点负责人，拖欠的配送费已于今日结清。");
		assertThat(officer.get("/api/v1/cases/" + opened.caseId()).json().get("resolvedBy").asString())
			.isEqualTo("hrss.wangjianguo");
	}

	@Test
	void refusesIllegalTransitionsWithTheReason() {
		CaseOpened opened = openCase(Samples.fresh(AppealRouted.class));

		HttpJson officer = hrss("hrss.wang");
		HttpJson.Response early = officer.post("/api/v1/cases/" + opened.caseId() + "/resolve",
				HttpJson.json(Map.of("resolution", "已处理")));
		officer.post("/api/v1/cases/" + opened.caseId() + "/sign", "{}");
		HttpJson.Response twice = officer.post("/api/v1/cases/" + opened.caseId() + "/sign", "{}");

		assertThat(early.status()).isEqualTo(409);
		assertThat(early.json().get("detail").asString()).contains("signed for first");
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.json().get("code").asString()).isEqualTo("illegal-transition");
	}

	@Test
	void letsOnlyOneOfTwoSimultaneousSignaturesWin() throws Exception {
		CaseOpened opened = openCase(Samples.fresh(AppealRouted.class));
		CountDownLatch start = new CountDownLatch(1);

		List<CompletableFuture<Integer>> attempts = List.of("hrss.wang", "hrss.limin")
			.stream()
			.map((staff) -> CompletableFuture.supplyAsync(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return hrss(staff).post("/api/v1/cases/" + opened.caseId() + "/sign", "{}").status();
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
	void opensTheCasesOfManyRoutedAppealsAtOnceEachOnceAndInTurnAmongTheStaffOnDuty() {
		List<String> education = List.of("edu.chenjing", "edu.liuyang", "edu.zhoumin");
		List<String> housing = List.of("housing.sunli", "housing.wuqiang");
		education.forEach((id) -> enrol(id, "EDUCATION", true, false));
		housing.forEach((id) -> enrol(id, "HOUSING", true, false));
		enrol("housing.heping", "HOUSING", false, false);
		enrol("housing.boss", "HOUSING", true, true);
		AppealRouted first = Samples.fresh(AppealRouted.class);
		List<AppealRouted> routed = java.util.stream.IntStream.range(0, 11).mapToObj((i) -> {
			AppealRouted sample = Samples.fresh(AppealRouted.class);
			return new AppealRouted(sample.eventId(), first.appealId() + "-" + i, sample.occurredAt(), 1,
					sample.correlationId(), sample.trackingCode(), "OTHER", (i % 3 == 2) ? "HOUSING" : "EDUCATION",
					sample.appealType(), sample.priority(), 0.9, sample.matchedKeywords(), sample.explanation(),
					sample.district(), List.of(), null, null, List.of(), sample.text(), sample.channel(),
					sample.stationId(), sample.submittedAt(), sample.explanationEn(), sample.policy(), null,
					sample.workerId());
		}).toList();

		// One key, one partition: read in this order, mostly in one poll.
		routed.forEach((each) -> sender().sendRaw(each.topic(), first.appealId(),
				org.waystation.events.EventCodec.toBytes(each)));
		routed.forEach((each) -> events().await(CaseOpened.class, (e) -> e.appealId().equals(each.appealId())));

		List<Case> cases = routed.stream()
			.map((each) -> this.mongo.find(Query.query(Criteria.where("appealId").is(each.appealId())), Case.class))
			.peek((found) -> assertThat(found).hasSize(1))
			.map((found) -> found.get(0))
			.toList();
		assertThat(cases).allSatisfy((each) -> assertThat(each.getAssignee()).isNotNull());
		Map<String, Long> perOfficer = cases.stream()
			.collect(java.util.stream.Collectors.groupingBy(Case::getAssignee, java.util.stream.Collectors.counting()));
		assertThat(perOfficer.keySet()).containsExactlyInAnyOrderElementsOf(
				java.util.stream.Stream.concat(education.stream(), housing.stream()).toList());
		assertThat(education.stream().map(perOfficer::get)).as("eight cases in turn among three: %s", perOfficer)
			.allSatisfy((count) -> assertThat(count).isBetween(2L, 3L));
		assertThat(housing.stream().map(perOfficer::get))
			.as("three cases in turn among the two on duty, not the one off duty or the supervisor: %s", perOfficer)
			.allSatisfy((count) -> assertThat(count).isBetween(1L, 2L));
	}

	private void enrol(String id, String department, boolean onDuty, boolean supervisor) {
		this.mongo.getCollection("staff")
			.insertOne(new org.bson.Document("_id", id).append("name", id)
				.append("department", department)
				.append("supervisor", supervisor)
				.append("enabled", true)
				.append("onDuty", onDuty)
				.append("revision", 1L));
	}

	@Test
	void rejectsBadRequestsNamingTheProblem() {
		CaseOpened opened = openCase(Samples.fresh(AppealRouted.class));
		HttpJson officer = hrss("hrss.wang");
		officer.post("/api/v1/cases/" + opened.caseId() + "/sign", "{}");

		HttpJson.Response blank = officer.post("/api/v1/cases/" + opened.caseId() + "/resolve",
				HttpJson.json(Map.of("resolution", "  ")));
		HttpJson.Response badStatus = officer.get("/api/v1/departments/HRSS/cases?status=DONE");
		HttpJson.Response badCategory = officer.get("/api/v1/departments/HRSS/cases?category=PARKING");
		HttpJson.Response overflowingDue = officer
			.get("/api/v1/departments/HRSS/cases?dueBefore=-999999999-01-01T00:00:00Z");
		HttpJson.Response controlNote = officer.post("/api/v1/cases/" + opened.caseId() + "/notes",
				HttpJson.json(Map.of("text", "站长\u001b[2J电话")));
		HttpJson.Response bigPage = officer.get("/api/v1/departments/HRSS/cases?size=1000");
		HttpJson.Response unknownDepartment = officer.get("/api/v1/departments/MINISTRY_OF_MAGIC/cases");
		HttpJson.Response unknownCase = officer.post("/api/v1/cases/no-such-case/sign", "{}");

		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.json().get("errors").get(0).get("field").asString()).isEqualTo("resolution");
		assertThat(badStatus.status()).isEqualTo(400);
		assertThat(badCategory.json().get("errors").get(0).get("field").asString()).isEqualTo("category");
		assertThat(overflowingDue.json().get("errors").get(0).get("field").asString()).isEqualTo("dueBefore");
		assertThat(controlNote.json().get("errors").get(0).get("field").asString()).isEqualTo("text");
		assertThat(badStatus.json().get("errors").get(0).get("field").asString()).isEqualTo("status");
		assertThat(badStatus.json().get("errors").get(0).get("problem").asString())
			.contains("OPEN, SIGNED, IN_PROGRESS, WAITING_FOR_WORKER");
		assertThat(bigPage.status()).isEqualTo(400);
		assertThat(bigPage.json().get("errors").get(0).get("field").asString()).isEqualTo("size");
		assertThat(unknownDepartment.status()).isEqualTo(404);
		assertThat(unknownCase.status()).isEqualTo(404);
	}

	@Test
	void keepsEachDepartmentsCasesToItsOwnStaffAndSupervisors() {
		CaseOpened opened = openCase(Samples.fresh(AppealRouted.class));
		String caseUrl = "/api/v1/cases/" + opened.caseId();
		HttpJson transport = http().as(TestIssuer.get().staff("transport.zhang", "TRANSPORT"));
		HttpJson hrssBoss = http().as(TestIssuer.get().supervisor("hrss.lihua", "HRSS"));
		HttpJson transportBoss = http().as(TestIssuer.get().supervisor("transport.liu", "TRANSPORT"));

		HttpJson.Response anonymous = http().get("/api/v1/departments/HRSS/cases");
		HttpJson.Response otherQueue = transport.get("/api/v1/departments/HRSS/cases");
		HttpJson.Response otherCase = transport.get(caseUrl);
		HttpJson.Response otherSign = transport.post(caseUrl + "/sign", "{}");
		HttpJson.Response supervisorSigns = hrssBoss.post(caseUrl + "/sign", "{}");
		HttpJson.Response otherSupervisor = transportBoss.get(caseUrl);
		HttpJson.Response worker = http().as(TestIssuer.get().worker("w-aaaaaaaaaaaaaaaaaaaaaaaaaa")).get(caseUrl);

		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(otherQueue.status()).isEqualTo(403);
		assertThat(otherCase.status()).isEqualTo(404);
		assertThat(otherCase.json().get("code").asString()).isEqualTo("case-not-found");
		assertThat(otherSign.status()).isEqualTo(404);
		assertThat(supervisorSigns.status()).isEqualTo(403);
		assertThat(otherSupervisor.status()).isEqualTo(404);
		assertThat(worker.status()).isEqualTo(403);
		assertThat(hrssBoss.get(caseUrl).status()).isEqualTo(200);
		assertThat(this.mongo.findById(opened.caseId(), Case.class).getStatus()).isEqualTo(CaseStatus.OPEN);
	}

	@Test
	void theTriageDeskSeesReturnedCasesOfEveryDepartmentAndRedispatchesThem() {
		CaseOpened opened = openCase(Samples.fresh(AppealRouted.class));
		String caseUrl = "/api/v1/cases/" + opened.caseId();
		HttpJson officer = hrss("hrss.wang");
		HttpJson triage = http().as(TestIssuer.get().triage("triage.zhaomin"));
		assertThat(triage.get(caseUrl).status()).as("not returned yet").isEqualTo(404);
		officer.post(caseUrl + "/sign", "{}");
		assertThat(
				officer
					.post(caseUrl + "/return",
							HttpJson.json(Map.of("reason", "押金由平台收取，应由平台企业联络专班处理。", "basis",
									"《北京市接诉即办工作条例》第十五条：平台押金不属人社部门职责")))
					.status())
			.isEqualTo(200);

		JsonNode returned = triage.get("/api/v1/cases?status=RETURNED&size=100").json();
		HttpJson.Response otherStatus = triage.get("/api/v1/cases?status=OPEN");
		HttpJson.Response staffList = officer.get("/api/v1/cases?status=RETURNED");
		HttpJson.Response staffRedispatch = officer.post(caseUrl + "/redispatch",
				HttpJson.json(Map.of("department", "PLATFORM_LIAISON")));
		HttpJson.Response redispatched = triage.post(caseUrl + "/redispatch",
				HttpJson.json(Map.of("department", "PLATFORM_LIAISON", "note", "平台押金问题")));

		assertThat(returned.get("items").findValuesAsString("caseId")).contains(opened.caseId());
		assertThat(otherStatus.status()).isEqualTo(403);
		assertThat(staffList.status()).isEqualTo(403);
		assertThat(staffRedispatch.status()).isEqualTo(403);
		assertThat(redispatched.status()).as(redispatched.toString()).isEqualTo(200);
		assertThat(
				events().await(org.waystation.events.CaseRedispatched.class, (e) -> e.caseId().equals(opened.caseId()))
					.staff())
			.isEqualTo("triage.zhaomin");
	}

}
