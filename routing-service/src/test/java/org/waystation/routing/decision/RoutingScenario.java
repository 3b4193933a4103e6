package org.waystation.routing.decision;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.waystation.classifier.Example;
import org.waystation.classifier.TrainingData;
import org.waystation.events.AppealRouted;
import org.waystation.events.AppealSubmitted;
import org.waystation.events.CaseRedispatched;
import org.waystation.events.EventCodec;
import org.waystation.events.SupervisorAlerted;
import org.waystation.events.Topics;
import org.waystation.routing.classifier.TrainingCorrection;
import org.waystation.routing.similar.Duplicate;
import org.waystation.routing.similar.DuplicateDetector;
import org.waystation.routing.similar.RecentAppeals;
import org.waystation.support.health.KafkaListenersHealthIndicator;
import org.waystation.testsupport.HttpJson;
import org.waystation.testsupport.Samples;
import org.waystation.testsupport.ServiceScenario;
import org.waystation.testsupport.TestIssuer;
import org.waystation.testsupport.TestWorkers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * routing-service against a real broker and MongoDB-wire server; subclasses say which.
 */
abstract class RoutingScenario extends ServiceScenario {

	static final String RULES = "/api/v1/admin/routing-rules";

	static final String WATER = "驿站的饮水机坏了好几天了，夏天没水喝";

	@Autowired
	MongoTemplate mongo;

	@Autowired
	KafkaListenersHealthIndicator listenersHealth;

	@Autowired
	DuplicateDetector duplicates;

	AppealSubmitted submit(String text, String district, String stationId, String phone) {
		AppealSubmitted submitted = fresh(text, district, stationId, phone);
		sender().send(submitted);
		return submitted;
	}

	/** An appeal not yet sent. */
	static AppealSubmitted fresh(String text, String district, String stationId, String phone) {
		AppealSubmitted sample = Samples.fresh(AppealSubmitted.class);
		return new AppealSubmitted(sample.eventId(), sample.appealId(), sample.occurredAt(), 1, sample.correlationId(),
				sample.trackingCode(), sample.channel(), text, phone, district, stationId, TestWorkers.idOf(phone));
	}

	HttpJson triage() {
		return http().as(TestIssuer.get().triage("triage.zhaomin"));
	}

	HttpJson admin() {
		return http().as(TestIssuer.get().admin("admin-wangli"));
	}

	HttpJson staff(String department) {
		return http().as(TestIssuer.get().staff("staff." + department.toLowerCase(), department));
	}

	AppealRouted routed(AppealSubmitted submitted) {
		return events().await(AppealRouted.class, (e) -> e.appealId().equals(submitted.appealId()));
	}

	/** Routed once: one {@code AppealRouted}, however often the appeal came. */
	void assertRoutedOnce(AppealSubmitted appeal) {
		assertThat(events().all(AppealRouted.class, (e) -> e.appealId().equals(appeal.appealId()))
			.stream()
			.map(AppealRouted::eventId)
			.distinct()).hasSize(1);
	}

	/**
	 * The appeals routing remembers of a worker for duplicate detection, oldest first.
	 */
	List<String> recentAppealIds(String workerId) {
		return this.mongo.findById(workerId, org.bson.Document.class, "recent_appeals")
			.getList("entries", org.bson.Document.class)
			.stream()
			.map((entry) -> entry.getString("appealId"))
			.toList();
	}

	static String phone() {
		return "139" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
	}

	static String station() {
		return "ST-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void isReadyOnceBothListenersHoldTheirPartitions() {
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> http().get("/actuator/health/readiness").status() == 200);

		assertThat(this.listenersHealth.health(true).getDetails())
			.containsEntry("routing-appeals", "holds 3 of 3 partitions")
			.containsEntry("routing-triage-feedback", "holds 3 of 3 partitions");
	}

	@Test
	void routesTheContractSampleByItsDistrictRuleAndExplainsWhy() {
		AppealSubmitted submitted = Samples.fresh(AppealSubmitted.class);

		sender().send(submitted);

		AppealRouted routed = routed(submitted);
		assertThat(routed.department()).isEqualTo("HRSS");
		assertThat(routed.category()).isEqualTo("WAGE_ARREARS");
		assertThat(routed.office()).isEqualTo("朝阳区人力资源和社会保障局劳动保障监察大队");
		assertThat(routed.trackingCode()).isEqualTo(submitted.trackingCode());
		assertThat(routed.correlationId()).isEqualTo(submitted.correlationId());
		assertThat(routed.explanation()).contains("欠薪与工资报酬", "district-chaoyang-WAGE_ARREARS");
		// What the case file needs travels with the decision.
		assertThat(routed.text()).isEqualTo(submitted.text());
		assertThat(routed.channel()).isEqualTo(submitted.channel().name());
		assertThat(routed.stationId()).isEqualTo(submitted.stationId());
		assertThat(routed.submittedAt()).isEqualTo(submitted.occurredAt());
		assertThat(routed.workerId()).isEqualTo(submitted.workerId());
		assertThat(routed.policy()).isEqualTo("AUTO");
		assertThat(routed.routingRuleId()).isEqualTo("district-chaoyang-WAGE_ARREARS");
		assertThat(routed.explanationEn()).contains("Wage arrears");
		JsonNode decision = triage().get("/api/v1/routing/decisions/" + submitted.appealId()).json();
		assertThat(decision.get("text").asString()).isEqualTo(submitted.text());
		assertThat(decision.get("department").asString()).isEqualTo("HRSS");
		assertThat(decision.get("policy").asString()).isEqualTo("AUTO");
		assertThat(decision.get("suggestions")).hasSize(3);
		assertThat(decision.get("explanation").get("en").asString()).contains("Wage arrears");
		assertThat(decision.get("explanation").get("words")).isNotEmpty();
		assertThat(decision.get("routingRule").get("id").asString()).isEqualTo("district-chaoyang-WAGE_ARREARS");
		assertThat(decision.get("routingRule").get("rulesetVersion").asLong()).isPositive();
		assertThat(decision.get("modelVersion").asString()).startsWith("model-");
	}

	@Test
	void routesAReplayedAppealOnlyOnce() {
		AppealSubmitted submitted = Samples.fresh(AppealSubmitted.class);
		AppealSubmitted marker = Samples.fresh(AppealSubmitted.class);

		sender().send(submitted);
		routed(submitted);
		sender().send(submitted);
		// Same key, same partition: once the marker is routed, the replay before it was
		// handled.
		sender().sendRaw(Topics.APPEAL_SUBMITTED, submitted.appealId(),
				EventCodec.toBytes(new AppealSubmitted(marker.eventId(), submitted.appealId() + "-marker",
						marker.occurredAt(), 1, marker.correlationId(), marker.trackingCode(), marker.channel(),
						marker.text(), marker.phone(), marker.district(), marker.stationId(), marker.workerId())));
		events().await(AppealRouted.class, (e) -> e.appealId().equals(submitted.appealId() + "-marker"));

		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.mongo.findById(submitted.appealId() + "-marker", RoutingDecision.class)
				.getOutbox()
				.isEmpty());
		assertRoutedOnce(submitted);
	}

	@Test
	void deadLettersUnreadableRecordsAndKeepsRouting() {
		AppealSubmitted after = Samples.fresh(AppealSubmitted.class);

		sender().sendRaw(Topics.APPEAL_SUBMITTED, after.appealId(), "{\"type\":\"AppealSubmitted\",\"eventId\":42}");
		sender().send(after);

		events().awaitDeadLetter(Topics.deadLetterOf(Topics.APPEAL_SUBMITTED), "\"eventId\":42");
		routed(after);
	}

	@Test
	void anUnreadableRecordAmongAppealsOfOnePollIsSetAsideAndEachAppealRoutedOnce() {
		AppealSubmitted before = Samples.fresh(AppealSubmitted.class);
		AppealSubmitted sample = Samples.fresh(AppealSubmitted.class);
		String key = before.appealId();
		AppealSubmitted after = new AppealSubmitted(sample.eventId(), key + "-after", sample.occurredAt(), 1,
				sample.correlationId(), sample.trackingCode(), sample.channel(), WATER, sample.phone(),
				sample.district(), sample.stationId(), sample.workerId());

		// One key, one partition: the three are read in this order, mostly in one poll.
		sender().sendRaw(Topics.APPEAL_SUBMITTED, key, EventCodec.toBytes(before));
		sender().sendRaw(Topics.APPEAL_SUBMITTED, key,
				"{\"type\":\"AppealSubmitted\",\"eventId\":\"bad-" + key + "\"}");
		sender().sendRaw(Topics.APPEAL_SUBMITTED, key, EventCodec.toBytes(before));
		sender().sendRaw(Topics.APPEAL_SUBMITTED, key, EventCodec.toBytes(after));

		events().awaitDeadLetter(Topics.deadLetterOf(Topics.APPEAL_SUBMITTED), "bad-" + key);
		routed(before);
		routed(after);
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.mongo.findById(after.appealId(), RoutingDecision.class).getOutbox().isEmpty());
		assertRoutedOnce(before);
		assertThat(this.mongo.findById(after.appealId(), RoutingDecision.class).getDepartment()).isNotBlank();
	}

	@Test
	void listsDeadLettersWithTheirReasonAndReplaysOneOnce() {
		String marker = "poison-" + UUID.randomUUID();
		sender().sendRaw(Topics.APPEAL_SUBMITTED, marker,
				"{\"type\":\"AppealSubmitted\",\"eventId\":\"" + marker + "\"}");
		events().awaitDeadLetter(Topics.deadLetterOf(Topics.APPEAL_SUBMITTED), marker);

		JsonNode letter = awaitDeadLetters(marker, 1).get(0);
		assertThat(letter.get("topic").asString()).isEqualTo(Topics.deadLetterOf(Topics.APPEAL_SUBMITTED));
		assertThat(letter.get("originalTopic").asString()).isEqualTo(Topics.APPEAL_SUBMITTED);
		assertThat(letter.get("consumerGroup").asString()).isEqualTo("routing-service");
		assertThat(letter.get("reason").asString()).isNotBlank().doesNotContain("org.waystation", "java.lang");
		assertThat(letter.get("value").asString()).contains(marker);
		assertThat(letter.get("replayedAt").isNull()).isTrue();
		String path = "/api/v1/admin/dead-letters/" + letter.get("topic").asString() + "/"
				+ letter.get("partition").asInt() + "/" + letter.get("offset").asLong() + "/replay";

		HttpJson.Response replayed = admin().post(path, "{}");
		assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
		assertThat(replayed.json().get("replayedBy").asString()).isEqualTo("admin-wangli");
		// Still unreadable: the replay lands in the dead-letter topic again, with its
		// reason.
		List<JsonNode> both = awaitDeadLetters(marker, 2);
		assertThat(both).anySatisfy((each) -> assertThat(each.get("replayedAt").isNull()).isFalse());
		assertThat(admin().post(path, "{}").status()).as("replayed once").isEqualTo(409);

		HttpJson.Response unknown = admin().get("/api/v1/admin/dead-letters?topic=appeal.unknown");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.toString()).contains("topic");
		assertThat(admin()
			.post("/api/v1/admin/dead-letters/" + Topics.deadLetterOf(Topics.APPEAL_SUBMITTED) + "/0/999999999/replay",
					"{}")
			.status()).isEqualTo(404);
	}

	private List<JsonNode> awaitDeadLetters(String key, int count) {
		return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
			List<JsonNode> found = new java.util.ArrayList<>();
			admin().get("/api/v1/admin/dead-letters?topic=" + Topics.APPEAL_SUBMITTED + "&limit=500")
				.json()
				.forEach((each) -> {
					if (key.equals(each.path("key").asString(null))) {
						found.add(each);
					}
				});
			return found;
		}, (found) -> found.size() >= count);
	}

	@Test
	void answersNotFoundForAnAppealNotRouted() {
		HttpJson.Response response = triage().get("/api/v1/routing/decisions/no-such-appeal");

		assertThat(response.status()).isEqualTo(404);
	}

	@Test
	void previewShowsTheWholeDecisionAndRecordsNothing() {
		String phone = phone();

		HttpJson.Response response = staff("JUSTICE").post("/api/v1/routing/preview", HttpJson.json(Map.of("text",
				"公司拖欠工资半年不给，仲裁也赢了，我想申请法律援助帮我强制执行", "channel", "HOTLINE", "district", "朝阳区", "phone", phone)));

		assertThat(response.status()).isEqualTo(200);
		JsonNode preview = response.json();
		assertThat(preview.get("category").asString()).isEqualTo("LEGAL_AID");
		assertThat(preview.get("department").asString()).isEqualTo("JUSTICE");
		assertThat(preview.get("assistingDepartments").get(0).asString()).isEqualTo("HRSS");
		assertThat(preview.get("office").asString()).isEqualTo("市司法局（法律援助中心）");
		assertThat(preview.get("suggestions")).hasSize(3);
		assertThat(preview.get("explanation").get("rules").get(0).get("id").asString()).isEqualTo("legal-aid-ask");
		assertThat(preview.get("explanation").get("zh").asString()).contains("明确要求法律援助或律师");
		assertThat(preview.get("appealId").isNull()).isTrue();
		assertThat(this.mongo.findById(TestWorkers.idOf(phone), RecentAppeals.class)).isNull();
	}

	@Test
	void previewRejectsBadInputNamingEachProblem() {
		HttpJson.Response response = staff("JUSTICE").post("/api/v1/routing/preview",
				HttpJson.json(Map.of("text", " ", "channel", "FAX")));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("text",
				"channel");
	}

	@Test
	void anUnsureAppealGoesToTriageWithItsTopThreeSuggestions() {
		AppealSubmitted submitted = submit("老板说的那个补的钱还有那个证的事", "朝阳区", null, phone());

		AppealRouted routed = routed(submitted);

		assertThat(routed.department()).isEqualTo("TRIAGE");
		assertThat(routed.confidence()).isLessThan(0.6);
		assertThat(routed.suggestions()).hasSize(3);
		// The confidence is the department's: its categories' probabilities added up.
		assertThat(routed.suggestions().get(0).score()).isLessThanOrEqualTo(routed.confidence());
		JsonNode decision = triage().get("/api/v1/routing/decisions/" + submitted.appealId()).json();
		assertThat(decision.get("policy").asString()).isEqualTo("LOW_CONFIDENCE_TRIAGE");
		assertThat(decision.get("triage").asBoolean()).isTrue();
		assertThat(decision.get("suggestions")).hasSize(3);
		assertThat(decision.get("explanation").get("zh").asString()).contains("转综合受理派单中心人工分拣");
	}

	@Test
	void anUrgentAppealGoesToItsDepartmentAndAlertsASupervisor() {
		AppealSubmitted submitted = submit("我们站点二十多个骑手三个月没发工资了，今天都在站点门口等老板", "海淀区", null, phone());

		AppealRouted routed = routed(submitted);
		SupervisorAlerted alert = events().await(SupervisorAlerted.class,
				(e) -> e.appealId().equals(submitted.appealId()));

		assertThat(routed.priority()).isEqualTo("URGENT");
		assertThat(routed.department()).isEqualTo("HRSS");
		assertThat(alert.kind()).isEqualTo(SupervisorAlerted.URGENT_APPEAL);
		assertThat(alert.department()).isEqualTo("HRSS");
		assertThat(alert.reason()).contains("十人以上群体欠薪或维权");
		assertThat(alert.trackingCode()).isEqualTo(submitted.trackingCode());
	}

	@Test
	void eachKindOfRuleRoutesAndTheMostSpecificWins() {
		AppealRouted byDefault = routed(submit(WATER, "顺义区", station(), phone()));
		AppealRouted byDistrict = routed(submit(WATER, "海淀区", station(), phone()));
		AppealRouted byStation = routed(submit(WATER, "朝阳区", "WJ-07", phone()));
		AppealRouted byOtherStation = routed(submit(WATER, "朝阳区", station(), phone()));

		assertThat(byDefault.office()).isEqualTo("所在街道党群服务中心");
		assertThat(byDistrict.office()).isEqualTo("海淀区中关村街道党群服务中心");
		assertThat(byStation.office()).isEqualTo("朝阳区酒仙桥街道党群服务中心");
		assertThat(byOtherStation.office()).isEqualTo("朝阳区望京街道党群服务中心");
		assertThat(List.of(byDefault, byDistrict, byStation, byOtherStation)).extracting(AppealRouted::department)
			.containsOnly("COMMUNITY");
	}

	@Test
	void rulesChangeAtRunTimeAreAuditedAndTheNextAppealFollowsThem() {
		String station = station();
		HttpJson admin = http().as(TestIssuer.get().admin("admin-wangli"));
		HttpJson.Response created = admin.post(RULES,
				HttpJson.json(Map.of("category", "REST_STATION", "district", "顺义区", "stationId", station, "department",
						"HOUSING", "office", "顺义区住房和城乡建设委员会", "note", "该驿站设在公租房小区内")));
		assertThat(created.status()).isEqualTo(201);
		String id = created.json().get("id").asString();
		long createdIn = created.json().get("rulesetVersion").asLong();

		AppealSubmitted first = submit(WATER, "顺义区", station, phone());
		AppealRouted followed = routed(first);
		assertThat(followed.department()).isEqualTo("HOUSING");
		assertThat(followed.office()).isEqualTo("顺义区住房和城乡建设委员会");
		JsonNode rule = triage().get("/api/v1/routing/decisions/" + first.appealId()).json().get("routingRule");
		assertThat(rule.get("id").asString()).isEqualTo(id);
		assertThat(rule.get("rulesetVersion").asLong()).isEqualTo(createdIn);

		long revision = created.json().get("revision").asLong();
		assertThat(
				admin
					.put(RULES + "/" + id,
							HttpJson
								.json(Map.of("department", "HOUSING", "office", "顺义区住建委物业科", "revision", revision + 7)))
					.status())
			.isEqualTo(409);
		HttpJson.Response updated = http().as(TestIssuer.get().admin("admin-zhaoqiang"))
			.put(RULES + "/" + id,
					HttpJson.json(Map.of("department", "HOUSING", "office", "顺义区住建委物业科", "revision", revision)));
		assertThat(updated.status()).isEqualTo(200);
		assertThat(routed(submit(WATER, "顺义区", station, phone())).office()).isEqualTo("顺义区住建委物业科");

		assertThat(admin.post(RULES + "/" + id + "/disable", "{}").status()).isEqualTo(200);
		AppealRouted fallback = routed(submit(WATER, "顺义区", station, phone()));
		assertThat(fallback.department()).isEqualTo("COMMUNITY");
		assertThat(fallback.office()).isEqualTo("所在街道党群服务中心");

		JsonNode audit = admin.get(RULES + "/audit?ruleId=" + id).json();
		assertThat(audit.get(2).get("actor").asString()).isEqualTo("admin-wangli");
		assertThat(audit.findValuesAsString("action")).containsExactly("DISABLE", "UPDATE", "CREATE");
		assertThat(audit.get(1).get("actor").asString()).isEqualTo("admin-zhaoqiang");
		assertThat(audit.get(1).get("before").get("office").asString()).isEqualTo("顺义区住房和城乡建设委员会");
		assertThat(audit.get(1).get("after").get("office").asString()).isEqualTo("顺义区住建委物业科");
		assertThat(audit.get(0).get("after").get("enabled").asBoolean()).isFalse();
		assertThat(audit.get(0).get("rulesetVersion").asLong())
			.isGreaterThan(audit.get(1).get("rulesetVersion").asLong());
	}

	@Test
	void badRuleChangesAreRefusedWithTheReason() {
		String body = HttpJson.json(Map.of("category", "REST_STATION", "district", "海淀区", "department", "HOUSING"));
		HttpJson.Response anonymous = http().post(RULES, body, "X-Staff-Id", "admin-wangli");
		assertThat(anonymous.status()).isEqualTo(401);
		HttpJson.Response supervisor = http().as(TestIssuer.get().supervisor("boss", "*")).post(RULES, body);
		assertThat(supervisor.status()).isEqualTo(403);

		HttpJson.Response taken = admin().post(RULES, body);
		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.json().get("code").asString()).isEqualTo("rule-scope-taken");

		HttpJson.Response unknown = admin().post(RULES,
				HttpJson.json(Map.of("category", "REST_STATION", "district", "延庆区", "department", "FIRE_BRIGADE")));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("department");

		HttpJson.Response control = admin().post(RULES,
				HttpJson.json(Map.of("category", "REST_STATION", "district", "延庆\u0000区", "department", "COMMUNITY")));
		assertThat(control.status()).isEqualTo(400);
		assertThat(control.json().get("errors").get(0).get("field").asString()).isEqualTo("district");

		assertThat(admin().get(RULES + "/no-such-rule").status()).isEqualTo(404);
	}

	@Test
	void aRetrainingThatWouldRouteWorseIsKeptOutOfService() {
		String before = admin().get("/api/v1/admin/classifier").json().get("modelVersion").asString();
		// Wrong lessons: every wage-arrears example of the training split "corrected" to
		// housing.
		List<Example> wrong = TrainingData.training(TrainingData.shipped())
			.stream()
			.filter((example) -> example.category().equals("WAGE_ARREARS"))
			.toList();
		// Each taught four times over, so that they outweigh the shipped examples.
		for (int i = 0; i < wrong.size() * 4; i++) {
			Example example = wrong.get(i % wrong.size());
			this.mongo.insert(
					new TrainingCorrection("wrong-lesson-" + i, "wrong-" + i, "WS00000000", example.text(), "HOUSING",
							example.type(), example.priority(), "HRSS", "HOUSING", "triage-test", null, Instant.now()));
		}
		try {
			HttpJson.Response refused = admin().post("/api/v1/admin/classifier/retrain", "{}");

			assertThat(refused.status()).isEqualTo(409);
			assertThat(refused.json().get("detail").asString()).contains("department accuracy", "below the floor");
			JsonNode model = admin().get("/api/v1/admin/classifier").json();
			assertThat(model.get("modelVersion").asString()).isEqualTo(before);
			assertThat(model.get("refusedRetraining").get("corrections").asInt()).isGreaterThanOrEqualTo(wrong.size());
			assertThat(model.get("refusedRetraining").get("reasons").get(0).asString())
				.startsWith("department accuracy");
		}
		finally {
			this.mongo.remove(Query.query(Criteria.where("_id").regex("^wrong-lesson-")), TrainingCorrection.class);
		}
		JsonNode retrained = admin().post("/api/v1/admin/classifier/retrain", "{}").json();
		assertThat(retrained.get("refusedRetraining").isNull()).isTrue();
	}

	@Test
	void triageCorrectionsAreStoredOnceAndTheNextRetrainingLearnsThem() {
		String text = "蓝鲸计划的补贴到底归谁管，问了好几个地方都说不归他们";
		AppealSubmitted submitted = submit(text, "朝阳区", null, phone());
		routed(submitted);
		String before = admin().get("/api/v1/admin/classifier").json().get("modelVersion").asString();
		CaseRedispatched sample = Samples.forAppeal(CaseRedispatched.class, submitted.appealId(),
				submitted.trackingCode());
		CaseRedispatched redispatched = new CaseRedispatched(sample.eventId(), sample.appealId(), sample.occurredAt(),
				1, sample.correlationId(), sample.caseId(), sample.trackingCode(), "TRIAGE", "REDISPATCHED",
				"TRADE_UNION", sample.newCaseId(), "triage-zhaomin", "蓝鲸计划是总工会的帮扶项目", null);

		sender().send(redispatched);
		sender().send(redispatched);

		Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode corrections = admin().get("/api/v1/admin/classifier/corrections").json();
			assertThat(corrections.findValuesAsString("appealId")).containsOnlyOnce(submitted.appealId());
		});
		JsonNode correction = java.util.stream.StreamSupport
			.stream(admin().get("/api/v1/admin/classifier/corrections").json().spliterator(), false)
			.filter((c) -> c.get("appealId").asString().equals(submitted.appealId()))
			.findFirst()
			.orElseThrow();
		assertThat(correction.get("category").asString()).isEqualTo("UNION_SERVICE");
		assertThat(correction.get("text").asString()).isEqualTo(text);

		JsonNode retrained = admin().post("/api/v1/admin/classifier/retrain", "{}").json();
		assertThat(retrained.get("triageCorrections").asInt()).isPositive();
		assertThat(retrained.get("modelVersion").asString()).isNotEqualTo(before);
		JsonNode preview = staff("JUSTICE").post("/api/v1/routing/preview", HttpJson.json(Map.of("text", text))).json();
		assertThat(preview.get("category").asString()).isEqualTo("UNION_SERVICE");
		assertThat(preview.get("department").asString()).isEqualTo("TRADE_UNION");
	}

	@Test
	void aCategoryTriageNamesIsLearnedAsGiven() {
		AppealSubmitted submitted = submit("小区里那个驿站的热水器坏了，一直没人来修", "顺义区", null, phone());
		routed(submitted);
		CaseRedispatched sample = Samples.forAppeal(CaseRedispatched.class, submitted.appealId(),
				submitted.trackingCode());

		sender().send(new CaseRedispatched(sample.eventId(), sample.appealId(), sample.occurredAt(), 1,
				sample.correlationId(), sample.caseId(), sample.trackingCode(), "COMMUNITY", "REDISPATCHED", "HOUSING",
				sample.newCaseId(), "triage-zhaomin", "驿站设在公租房小区，由住建委管理", "REST_STATION"));

		Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode correction = java.util.stream.StreamSupport
				.stream(admin().get("/api/v1/admin/classifier/corrections").json().spliterator(), false)
				.filter((c) -> c.get("appealId").asString().equals(submitted.appealId()))
				.findFirst()
				.orElseThrow();
			assertThat(correction.get("category").asString()).isEqualTo("REST_STATION");
			assertThat(correction.get("toDepartment").asString()).isEqualTo("HOUSING");
		});
	}

	@Test
	void aRepeatFromTheSamePhoneIsLinkedToTheEarlierAppeal() {
		String phone = phone();
		AppealSubmitted first = submit("站点拖欠我上个月的配送费3200元，站长一直说下周发", "丰台区", null, phone);
		routed(first);
		AppealSubmitted again = submit("上个月的配送费3200元站点还是拖欠着，站长一直说下周发，还没发", "丰台区", null, phone);
		AppealSubmitted otherWorker = submit("站点拖欠我上个月的配送费3200元，站长一直说下周发", "丰台区", null, phone());
		AppealSubmitted otherMatter = submit("驿站晚上九点就关门了，夜班骑手用不上", "丰台区", null, phone);

		assertThat(routed(again).duplicateOf()).isEqualTo(first.appealId());
		assertThat(routed(otherWorker).duplicateOf()).isNull();
		assertThat(routed(otherMatter).duplicateOf()).isNull();
		JsonNode decision = triage().get("/api/v1/routing/decisions/" + again.appealId()).json();
		String repeat = "站点拖欠我上个月的配送费3200元，站长一直说下周发，还是没发";
		JsonNode ownPreview = staff("HRSS")
			.post("/api/v1/routing/preview", HttpJson.json(Map.of("text", repeat, "phone", phone)))
			.json();
		JsonNode otherPreview = staff("TRANSPORT")
			.post("/api/v1/routing/preview", HttpJson.json(Map.of("text", repeat, "phone", phone)))
			.json();
		assertThat(ownPreview.get("duplicateOf").isNull()).as(ownPreview.toString()).isFalse();
		assertThat(otherPreview.get("duplicateOf").isNull()).isTrue();
		assertThat(otherPreview.toString()).doesNotContain(first.trackingCode());
		JsonNode otherDecision = http().as(TestIssuer.get().supervisor("transport.boss", "TRANSPORT"))
			.get("/api/v1/routing/decisions/" + again.appealId())
			.json();
		assertThat(otherDecision.get("code").asString()).isEqualTo("decision-not-found");
		assertThat(decision.get("duplicateOf").get("trackingCode").asString()).isEqualTo(first.trackingCode());
		assertThat(decision.get("explanation").get("zh").asString()).contains("建议并单");
		assertThat(triage().get("/api/v1/routing/merge-suggestions").json().findValuesAsString("appealId"))
			.contains(again.appealId())
			.doesNotContain(otherWorker.appealId());
	}

	@Test
	void repeatsInOnePollAreLinkedInTheirOrderAndAReplayIsRememberedOnce() {
		String phone = phone();
		AppealSubmitted first = fresh("快递站拖欠我两个月的工资一共6800元，站长一直推说下个月发", "朝阳区", null, phone);
		AppealSubmitted again = fresh("快递站两个月的工资6800元还是拖欠着，站长一直推说下个月发", "朝阳区", null, phone);
		AppealSubmitted other = fresh("驿站晚上九点就关门了，夜班骑手用不上", "朝阳区", null, phone);
		// One key, one partition: they come in this order, most likely in one poll.
		List.of(first, again, other, again)
			.forEach((appeal) -> sender().sendRaw(Topics.APPEAL_SUBMITTED, first.appealId(),
					EventCodec.toBytes(appeal)));
		AppealSubmitted marker = fresh(WATER, "朝阳区", null, phone());
		sender().sendRaw(Topics.APPEAL_SUBMITTED, first.appealId(), EventCodec.toBytes(marker));

		assertThat(routed(first).duplicateOf()).isNull();
		assertThat(routed(again).duplicateOf()).isEqualTo(first.appealId());
		assertThat(routed(other).duplicateOf()).isNull();
		routed(marker);
		assertThat(recentAppealIds(TestWorkers.idOf(phone))).containsExactly(first.appealId(), again.appealId(),
				other.appealId());
		assertThat(triage().get("/api/v1/routing/merge-suggestions").json().findValuesAsString("appealId"))
			.contains(again.appealId())
			.doesNotContain(first.appealId(), other.appealId());
		assertRoutedOnce(again);
	}

	@Test
	void aRoundOfAppealsIsCheckedInItsOrderAndAReplayGetsItsFirstAnswer() {
		String phone = TestWorkers.idOf(phone());
		Instant now = Instant.now();
		List<String> arrears = List.of("快递", "拖欠", "工资", "6800", "站长");
		DuplicateDetector.Recording first = new DuplicateDetector.Recording(phone, "appeal-first-" + now, "W1",
				"WAGE_ARREARS", arrears, now);
		DuplicateDetector.Recording again = new DuplicateDetector.Recording(phone, "appeal-again-" + now, "W2",
				"WAGE_ARREARS", arrears, now);
		DuplicateDetector.Recording other = new DuplicateDetector.Recording(phone, "appeal-other-" + now, "W3",
				"REST_STATION", List.of("驿站", "关门", "夜班"), now);

		List<Optional<Duplicate>> round = this.duplicates.recordAll(List.of(first, again, other, again));
		List<Optional<Duplicate>> replayed = this.duplicates.recordAll(List.of(again, first));

		assertThat(round.get(0)).isEmpty();
		assertThat(round.get(1)).map(Duplicate::appealId).contains(first.appealId());
		assertThat(round.get(2)).isEmpty();
		assertThat(round.get(3)).map(Duplicate::appealId).contains(first.appealId());
		assertThat(replayed.get(0)).map(Duplicate::appealId).contains(first.appealId());
		assertThat(replayed.get(1)).isEmpty();
		assertThat(recentAppealIds(phone)).containsExactly(first.appealId(), again.appealId(), other.appealId());
	}

	@Test
	void similarAppealsFromManyWorkersFormAHotTopic() {
		List<AppealSubmitted> appeals = List.of(submit("商务区那个驿站的微波炉坏了，冬天饭都是凉的", "西城区", null, phone()),
				submit("驿站微波炉坏了好久了，没法热饭", "西城区", null, phone()), submit("驿站里的微波炉又坏了，中午热不了饭", "东城区", null, phone()));
		appeals.forEach(this::routed);

		JsonNode topics = triage().get("/api/v1/routing/hot-topics?category=REST_STATION&minWorkers=3").json();

		JsonNode topic = java.util.stream.StreamSupport.stream(topics.spliterator(), false)
			.filter((t) -> java.util.stream.StreamSupport.stream(t.get("topWords").spliterator(), false)
				.anyMatch((word) -> word.asString().equals("微波炉")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no hot topic about the microwave in " + topics));
		assertThat(topic.get("appeals").asInt()).isGreaterThanOrEqualTo(3);
		assertThat(topic.get("workers").asInt()).isGreaterThanOrEqualTo(3);
		assertThat(topic.get("districts").toString()).contains("西城区", "东城区");
		assertThat(topic.get("sampleTrackingCodes").toString()).contains(appeals.get(2).trackingCode());
		assertThat(topic.get("samples").findValuesAsString("text")).contains("驿站里的微波炉又坏了，中午热不了饭");
		JsonNode forCommunity = staff("COMMUNITY").get("/api/v1/routing/hot-topics/" + topic.get("id").asString())
			.json();
		JsonNode forHealth = staff("HEALTH").get("/api/v1/routing/hot-topics/" + topic.get("id").asString()).json();
		assertThat(forCommunity.get("sampleTrackingCodes").toString()).contains(appeals.get(2).trackingCode());
		assertThat(forHealth.get("appeals").asInt()).isEqualTo(topic.get("appeals").asInt());
		assertThat(forHealth.get("sampleTrackingCodes")).isEmpty();
		assertThat(forHealth.get("samples")).isEmpty();
		assertThat(triage().get("/api/v1/routing/hot-topics?since=yesterday").status()).isEqualTo(400);
	}

}
