package org.waystation.intake;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;
import org.waystation.events.AppealRouted;
import org.waystation.events.AppealSubmitted;
import org.waystation.events.CaseAssigned;
import org.waystation.events.CaseClosed;
import org.waystation.events.CaseEnvelope;
import org.waystation.events.CaseExtended;
import org.waystation.events.CaseExtensionRequested;
import org.waystation.events.CaseInfoProvided;
import org.waystation.events.CaseInfoRequested;
import org.waystation.events.CaseOpened;
import org.waystation.events.CaseRated;
import org.waystation.events.CaseReopened;
import org.waystation.events.CaseResolved;
import org.waystation.events.CaseSigned;
import org.waystation.events.SlaWarning;
import org.waystation.events.Channel;
import org.waystation.events.Topics;
import org.waystation.events.WorkerAnswered;
import org.waystation.events.WorkerRated;
import org.waystation.intake.appeal.Appeal;
import org.waystation.intake.appeal.AppealPhoto;
import org.waystation.intake.appeal.Photo;
import org.waystation.testsupport.HttpJson;
import org.waystation.testsupport.Samples;
import org.waystation.testsupport.ServiceScenario;
import org.waystation.testsupport.TestIssuer;
import org.waystation.testsupport.TestWorkers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * intake-service against a real broker and MongoDB-wire server; subclasses say which.
 */
@TestPropertySource(properties = { InboundSms.SECRET_PROPERTY, InboundSms.IM_SECRET_PROPERTY,
		InboundSms.PARTS_WAIT_PROPERTY, InboundSms.PARTS_CHECK_PROPERTY, TestImports.RESUME_PROPERTY })
abstract class IntakeScenario extends ServiceScenario {

	@Autowired
	MongoTemplate mongo;

	@Test
	void acceptsAnAppealStoresItAndPublishesAppealSubmitted() {
		HttpJson.Response response = http().post("/api/v1/appeals",
				HttpJson.json(Map.of("channel", "MOBILE_APP", "text", "站点拖欠我两个月的配送费，一共4800元，站长一直推脱。", "phone",
						"+86 139-1234-5678", "district", "朝阳区", "stationId", "CY-JXQ-01")));

		assertThat(response.status()).as(response.toString()).isEqualTo(202);
		JsonNode body = response.json();
		String appealId = body.get("appealId").asString();
		String trackingCode = body.get("trackingCode").asString();
		assertThat(trackingCode).matches("WS[2-9A-HJKMNP-Z]{8}");
		AppealSubmitted submitted = events().await(AppealSubmitted.class, (e) -> e.appealId().equals(appealId));
		assertThat(submitted.trackingCode()).isEqualTo(trackingCode);
		assertThat(submitted.phone()).isEqualTo("13912345678");
		assertThat(submitted.channel()).isEqualTo(Channel.MOBILE_APP);
		assertThat(submitted.district()).isEqualTo("朝阳区");
		assertThat(submitted.workerId()).isEqualTo(TestWorkers.idOf("13912345678"));
		assertThat(submitted.correlationId()).isEqualTo(response.header("X-Correlation-Id"));
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.mongo.findById(appealId, Appeal.class).getOutbox().isEmpty());

		JsonNode view = worker("13912345678").get("/api/v1/appeals/" + trackingCode.toLowerCase()).json();
		assertThat(view.get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(view.get("phone").asString()).isEqualTo("139****5678");
		assertThat(view.get("timeline")).hasSize(1);
	}

	@Test
	void returnsTheSameAppealWhenAClientRetriesWithTheSameKey() {
		String key = "retry-" + UUID.randomUUID();
		String request = HttpJson
			.json(Map.of("channel", "SMS", "text", "电动车上牌要带什么材料？", "phone", "13700001111", "idempotencyKey", key));

		HttpJson.Response first = http().post("/api/v1/appeals", request);
		HttpJson.Response second = http().post("/api/v1/appeals", request);

		assertThat(first.status()).isEqualTo(202);
		assertThat(second.status()).isEqualTo(202);
		assertThat(second.json().get("appealId")).isEqualTo(first.json().get("appealId"));
		assertThat(second.json().get("trackingCode")).isEqualTo(first.json().get("trackingCode"));
		assertThat(this.mongo.count(Query.query(Criteria.where("idempotencyKey").is(key)), Appeal.class)).isEqualTo(1);
		String appealId = first.json().get("appealId").asString();
		events().await(AppealSubmitted.class, (e) -> e.appealId().equals(appealId));
		assertThat(events().all(AppealSubmitted.class, (e) -> e.appealId().equals(appealId))).hasSize(1);
	}

	@Test
	void refusesAReusedKeyForADifferentAppeal() {
		String key = "reused-" + UUID.randomUUID();
		http().post("/api/v1/appeals", HttpJson
			.json(Map.of("channel", "WEB", "text", "驿站的微波炉坏了", "phone", "13700002222", "idempotencyKey", key)));

		HttpJson.Response other = http().post("/api/v1/appeals", HttpJson
			.json(Map.of("channel", "WEB", "text", "驿站晚上几点关门？", "phone", "13700002222", "idempotencyKey", key)));

		assertThat(other.status()).isEqualTo(409);
		assertThat(other.body()).contains("idempotencyKey");
	}

	/** A 1 × 1 PNG image, as a phone would send a photo (in base64). */
	private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					no text               | {"channel":"WEB","phone":"13812345678"}                              | text    | is required
					blank text            | {"channel":"WEB","text":"   ","phone":"13812345678"}                 | text    | is required
					malformed phone       | {"channel":"WEB","text":"工资没发","phone":"1381234"}                  | phone   | mobile number
					no phone              | {"channel":"WEB","text":"工资没发"}                                     | phone   | is required
					unknown channel       | {"channel":"CARRIER_PIGEON","text":"工资没发","phone":"13812345678"}   | channel | must be one of
					no channel            | {"text":"工资没发","phone":"13812345678"}                              | channel | is required
					malformed JSON        | {"channel":"WEB","text":                                            | body    | not valid JSON
					not an object         | ["WEB"]                                                             | body    |
					too many photos       | {"channel":"WEB","text":"工资没发","phone":"13812345678","photos":[{"contentType":"image/png","data":"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="},{"contentType":"image/png","data":"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="},{"contentType":"image/png","data":"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="},{"contentType":"image/png","data":"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="}]} | photos | at most 3 photos
					photo of another type | {"channel":"WEB","text":"工资没发","phone":"13812345678","photos":[{"contentType":"image/gif","data":"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="}]} | photos[0].contentType | must be image/jpeg
					photo not in base64   | {"channel":"WEB","text":"工资没发","phone":"13812345678","photos":[{"contentType":"image/png","data":"不是图片"}]} | photos[0].data | base64
					photo not an image    | {"channel":"WEB","text":"工资没发","phone":"13812345678","photos":[{"contentType":"image/png","data":"aGVsbG8gd29ybGQ="}]} | photos[0].data | is not a image/png image
					photo of the wrong type | {"channel":"WEB","text":"工资没发","phone":"13812345678","photos":[{"contentType":"image/jpeg","data":"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="}]} | photos[0].data | is not a image/jpeg image
					a number for text     | {"channel":"WEB","text":123,"phone":"13812345678"}                   | text     | must be a string
					a boolean for text    | {"channel":"WEB","text":true,"phone":"13812345678"}                  | text     | must be a string
					a number for a phone  | {"channel":"WEB","text":"工资没发","phone":13812345678}                | phone    | must be a string
					a key twice           | {"channel":"WEB","channel":"SMS","text":"工资没发","phone":"13812345678"} | body  | Duplicate
					a NUL in the text     | {"channel":"WEB","text":"工资\\u0000没发","phone":"13812345678"}       | text     | control
					ANSI codes in text    | {"channel":"WEB","text":"工资\\u001b[31m没发","phone":"13812345678"}   | text     | control
					an operator key       | {"channel":"WEB","text":"工资没发","phone":"13812345678","$where":"1"}  | $where   | not a field
					a dotted key          | {"channel":"WEB","text":"工资没发","phone":"13812345678","text.$x":"1"} | text.$x  | not a field
					invisible text only   | {"channel":"WEB","text":"\\u200b\\u200b","phone":"13812345678"}      | text     | invisible
					control in district   | {"channel":"WEB","text":"工资没发","phone":"13812345678","district":"朝阳\\u0007区"} | district | control
					""")
	void rejectsBadInputNamingTheField(String description, String body, String field, String problem) {
		HttpJson.Response response = http().post("/api/v1/appeals", body);

		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		JsonNode error = response.json().get("errors").get(0);
		assertThat(error.get("field").asString()).isEqualTo(field);
		assertThat(error.get("problem").asString()).contains((problem != null) ? problem : "");
	}

	@Test
	void namesEveryProblemOfARequestAtOnce() {
		HttpJson.Response response = http().post("/api/v1/appeals",
				"{\"channel\":\"FAX\",\"text\":\"\",\"phone\":\"123\"}");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("channel", "phone",
				"text");
		assertThat(response.json().get("errors").get(0).get("problem").asString()).contains("'FAX'", "MOBILE_APP");
	}

	@Test
	void reportsTheCurrentStatusWhenASubmissionIsReplayed() {
		String request = HttpJson.json(Map.of("channel", "KIOSK", "text", "驿站的热水器坏了", "phone", "13511112222",
				"idempotencyKey", "kiosk-" + UUID.randomUUID()));
		String appealId = http().post("/api/v1/appeals", request).json().get("appealId").asString();
		String trackingCode = this.mongo.findById(appealId, Appeal.class).getTrackingCode();
		sender().send(Samples.forAppeal(AppealRouted.class, appealId, trackingCode));
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.mongo.findById(appealId, Appeal.class).getStatus().name().equals("ROUTED"));

		HttpJson.Response replay = http().post("/api/v1/appeals", request);

		assertThat(replay.status()).isEqualTo(202);
		assertThat(replay.json().get("status").asString()).isEqualTo("ROUTED");
	}

	@Test
	void rejectsTextOverTwoThousandCharacters() {
		HttpJson.Response response = http().post("/api/v1/appeals",
				HttpJson.json(Map.of("channel", "WEB", "text", "欠".repeat(2001), "phone", "13812345678")));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("text");
		assertThat(http()
			.post("/api/v1/appeals",
					HttpJson.json(Map.of("channel", "WEB", "text", "欠".repeat(2000), "phone", "13812345678")))
			.status()).isEqualTo(202);
	}

	@Test
	void showsAWorkerOnlyTheirOwnAppealsAndNobodyAnAppealByItsCodeAlone() {
		String trackingCode = http()
			.post("/api/v1/appeals",
					HttpJson.json(Map.of("channel", "WEB", "text", "站点押金一直不退", "phone", "13766667777")))
			.json()
			.get("trackingCode")
			.asString();

		HttpJson.Response anonymous = http().get("/api/v1/appeals/" + trackingCode);
		HttpJson.Response another = worker("13766668888").get("/api/v1/appeals/" + trackingCode);
		HttpJson.Response unknown = worker("13766667777").get("/api/v1/appeals/WS22222222");
		HttpJson.Response staff = http().as(TestIssuer.get().staff("hrss.wang", "HRSS"))
			.get("/api/v1/appeals/" + trackingCode);
		HttpJson.Response own = worker("13766667777").get("/api/v1/appeals/" + trackingCode);
		HttpJson.Response mine = worker("+86 137-6666-7777").get("/api/v1/appeals");
		HttpJson.Response answerOfAnother = worker("13766668888").post("/api/v1/appeals/" + trackingCode + "/answers",
				HttpJson.json(Map.of("answer", "冒充别人回答")));

		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(another.status()).isEqualTo(404);
		assertThat(another.json().get("code").asString()).isEqualTo("appeal-not-found");
		assertThat(another.body()).isEqualToIgnoringWhitespace(unknown.body().replace("WS22222222", trackingCode));
		assertThat(staff.status()).isEqualTo(403);
		assertThat(own.status()).isEqualTo(200);
		assertThat(mine.json().findValuesAsString("trackingCode")).contains(trackingCode);
		assertThat(answerOfAnother.status()).isEqualTo(404);
	}

	@Test
	void givesTheWorkersContactOnlyToDepartmentsHoldingACaseAndLogsEveryRead() {
		String[] appeal = submitAndOpen("站点拖欠配送费三个月，要求补发");
		String department = Samples.forAppeal(CaseOpened.class, appeal[0], appeal[1]).department();
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.mongo.findById(appeal[0], Appeal.class).getDepartments().contains(department));

		HttpJson.Response holder = http().as(TestIssuer.get().staff("hrss.li", department))
			.get("/api/v1/appeals/" + appeal[1] + "/contact");
		HttpJson.Response other = http().as(TestIssuer.get().staff("transport.zhang", "TRANSPORT"))
			.get("/api/v1/appeals/" + appeal[1] + "/contact");
		HttpJson.Response asWorker = worker("13811112222").get("/api/v1/appeals/" + appeal[1] + "/contact");
		JsonNode log = http().as(TestIssuer.get().supervisor("hrss.boss", department))
			.get("/api/v1/audit/contact-reads?trackingCode=" + appeal[1])
			.json();
		HttpJson.Response otherScope = http().as(TestIssuer.get().supervisor("transport.boss", "TRANSPORT"))
			.get("/api/v1/audit/contact-reads?department=" + department);

		assertThat(holder.status()).as(holder.toString()).isEqualTo(200);
		assertThat(holder.json().get("phone").asString()).isEqualTo("13811112222");
		assertThat(other.status()).isEqualTo(404);
		assertThat(asWorker.status()).isEqualTo(403);
		assertThat(log).hasSize(1);
		assertThat(log.get(0).get("actor").asString()).isEqualTo("hrss.li");
		assertThat(log.get(0).get("department").asString()).isEqualTo(department);
		assertThat(otherScope.status()).isEqualTo(403);
	}

	@Test
	void keepsThePhotosOfAnAppealForTheWorkerAndTheDepartmentHoldingItsCase() {
		byte[] png = Base64.getDecoder().decode(PNG);
		String body = HttpJson
			.json(Map.of("channel", "WEB", "text", "站点拖欠配送费，附工资条照片", "phone", "13811113333", "idempotencyKey",
					"photo-" + UUID.randomUUID(), "photos", List.of(Map.of("contentType", "image/png", "data", PNG))));
		JsonNode accepted = http().post("/api/v1/appeals", body).json();
		HttpJson.Response retried = http().post("/api/v1/appeals", body);
		String appealId = accepted.get("appealId").asString();
		String trackingCode = accepted.get("trackingCode").asString();
		sender().send(Samples.forAppeal(CaseOpened.class, appealId, trackingCode));
		String department = Samples.forAppeal(CaseOpened.class, appealId, trackingCode).department();
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.mongo.findById(appealId, Appeal.class).getDepartments().contains(department));
		HttpJson holder = http().as(TestIssuer.get().staff("hrss.li", department));
		String photos = "/api/v1/appeals/" + trackingCode + "/photos";

		JsonNode list = holder.get(photos).json();
		HttpJson.Response bytes = holder.get(photos + "/1");
		HttpJson.Response own = worker("13811113333").get(photos + "/1");
		HttpJson.Response otherWorker = worker("13811114444").get(photos);
		HttpJson.Response otherDepartment = http().as(TestIssuer.get().staff("transport.zhang", "TRANSPORT"))
			.get(photos);
		HttpJson.Response missing = holder.get(photos + "/2");
		byte[] large = new byte[Photo.MAX_BYTES + 1];
		large[0] = (byte) 0x89;
		large[1] = 'P';
		large[2] = 'N';
		large[3] = 'G';
		HttpJson.Response tooLarge = http().post("/api/v1/appeals", HttpJson
			.json(Map.of("channel", "WEB", "text", "照片太大", "phone", "13811113333", "photos",
					List.of(Map.of("contentType", "image/png", "data", Base64.getEncoder().encodeToString(large))))));

		assertThat(retried.json().get("appealId").asString()).isEqualTo(appealId);
		assertThat(this.mongo.count(Query.query(Criteria.where("appealId").is(appealId)), AppealPhoto.class))
			.isEqualTo(1);
		assertThat(list).hasSize(1);
		assertThat(list.get(0).get("contentType").asString()).isEqualTo("image/png");
		assertThat(list.get(0).get("size").asInt()).isEqualTo(png.length);
		assertThat(bytes.status()).as(bytes.toString()).isEqualTo(200);
		assertThat(bytes.header("Content-Type")).isEqualTo("image/png");
		assertThat(bytes.header("Cache-Control")).contains("no-store");
		assertThat(bytes.header("Content-Length")).isEqualTo(String.valueOf(png.length));
		assertThat(own.status()).isEqualTo(200);
		assertThat(otherWorker.status()).isEqualTo(404);
		assertThat(otherDepartment.status()).isEqualTo(404);
		assertThat(missing.status()).isEqualTo(404);
		assertThat(tooLarge.status()).isEqualTo(400);
		assertThat(tooLarge.json().get("errors").get(0).get("field").asString()).isEqualTo("photos[0].data");
		assertThat(tooLarge.json().get("errors").get(0).get("problem").asString()).contains("at most 5 MB");
	}

	@Test
	void takesAnAppealByTextMessageAndMatchesTheSendersRepliesToIt() throws Exception {
		String phone = "13655556666";
		String first = sms(phone, "sms-1", "站点拖欠我两个月配送费\u0007共６８００元，站长不接电话😡");
		HttpJson.Response redelivered = smsRequest(phone, "sms-1", "站点拖欠我两个月配送费\u0007共６８００元，站长不接电话😡");
		HttpJson.Response unsigned = http().post("/api/v1/channels/sms/inbound",
				HttpJson.json(Map.of("from", phone, "text", "伪造的短信", "messageId", "forged-1")));
		HttpJson.Response forged = http().post("/api/v1/channels/sms/inbound",
				HttpJson.json(Map.of("from", phone, "text", "伪造的短信", "messageId", "forged-2")), "X-Signature",
				"sha256=" + "0".repeat(64));
		String lonelyDigit = sms("13655557777", "sms-2", "3");

		Appeal appeal = this.mongo.findOne(Query.query(Criteria.where("trackingCode").is(first)), Appeal.class);
		assertThat(appeal.getChannel()).isEqualTo(Channel.SMS);
		assertThat(appeal.getText()).isEqualTo("站点拖欠我两个月配送费 共6800元，站长不接电话😡");
		assertThat(redelivered.json().get("trackingCode").asString()).isEqualTo(first);
		assertThat(redelivered.json().get("redelivered").asBoolean()).isTrue();
		assertThat(this.mongo.count(Query.query(Criteria.where("workerId").is(TestWorkers.idOf(phone))), Appeal.class))
			.isEqualTo(1);
		assertThat(unsigned.status()).isEqualTo(401);
		assertThat(forged.status()).isEqualTo(401);
		assertThat(lonelyDigit).isNull();

		// The department asks; the next message is the answer, not a new appeal.
		sender().send(Samples.forAppeal(CaseOpened.class, appeal.getId(), first));
		sender().send(Samples.forAppeal(CaseInfoRequested.class, appeal.getId(), first));
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.mongo.findById(appeal.getId(), Appeal.class).getPendingQuestion() != null);
		String answered = sms(phone, "sms-3", "站长姓王，电话我发给你们");
		WorkerAnswered answer = events().await(WorkerAnswered.class, (e) -> e.appealId().equals(appeal.getId()));
		assertThat(answered).isEqualTo(first);
		assertThat(answer.answer()).isEqualTo("站长姓王，电话我发给你们");

		// Resolved: "1" rates it satisfied.
		sender().send(Samples.forAppeal(CaseResolved.class, appeal.getId(), first));
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.mongo.findById(appeal.getId(), Appeal.class).getRatingCaseId() != null);
		assertThat(sms(phone, "sms-4", " 1 ")).isEqualTo(first);
		WorkerRated rated = events().await(WorkerRated.class, (e) -> e.appealId().equals(appeal.getId()));
		assertThat(rated.rating()).isEqualTo("SATISFIED");

		HttpJson.Response noText = smsRequest(phone, "sms-5", "\u0000\u200B\t");
		HttpJson.Response badPhone = smsRequest("12345", "sms-6", "工资没发");
		assertThat(noText.status()).isEqualTo(400);
		assertThat(noText.json().get("errors").get(0).get("field").asString()).isEqualTo("text");
		assertThat(badPhone.status()).isEqualTo(400);
		assertThat(badPhone.json().get("errors").get(0).get("field").asString()).isEqualTo("from");
	}

	/** Sends a signed inbound SMS; the tracking code it was filed under or matched to. */
	private String sms(String phone, String messageId, String text) throws Exception {
		HttpJson.Response response = smsRequest(phone, messageId, text);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode code = response.json().get("trackingCode");
		return (code == null || code.isNull()) ? null : code.asString();
	}

	private HttpJson.Response smsRequest(String phone, String messageId, String text) {
		String body = HttpJson
			.json(Map.of("from", phone, "text", text, "messageId", messageId, "receivedAt", "2026-12-01T08:30:00Z"));
		return http().post("/api/v1/channels/sms/inbound", body, "X-Signature", InboundSms.signature(body));
	}

	@Test
	void joinsALongTextMessageSentInPartsAndHandlesItOnce() throws Exception {
		String phone = "13655558888";
		HttpJson.Response second = smsPart(phone, "long-2", "ref-77", 2, 3, "不接电话，我们一共十二个人");
		HttpJson.Response first = smsPart(phone, "long-1", "ref-77", 1, 3, "站点拖欠我们三个月工资，站长");
		assertThat(second.json().get("action").asString()).as(second.toString()).isEqualTo("WAITING_FOR_PARTS");
		assertThat(first.json().get("action").asString()).isEqualTo("WAITING_FOR_PARTS");

		HttpJson.Response third = smsPart(phone, "long-3", "ref-77", 3, 3, "，希望尽快帮我们讨薪。");
		assertThat(third.json().get("action").asString()).isEqualTo("SUBMITTED");
		String code = third.json().get("trackingCode").asString();
		Appeal appeal = this.mongo.findOne(Query.query(Criteria.where("trackingCode").is(code)), Appeal.class);
		assertThat(appeal.getText()).isEqualTo("站点拖欠我们三个月工资，站长不接电话，我们一共十二个人，希望尽快帮我们讨薪。");
		HttpJson.Response again = smsPart(phone, "long-3", "ref-77", 3, 3, "，希望尽快帮我们讨薪。");
		assertThat(again.json().get("trackingCode").asString()).isEqualTo(code);
		assertThat(again.json().get("redelivered").asBoolean()).isTrue();
		assertThat(this.mongo.count(Query.query(Criteria.where("workerId").is(TestWorkers.idOf(phone))), Appeal.class))
			.isEqualTo(1);

		// The last part never comes: after the wait, the message is filed with the gap
		// marked.
		String other = "13655559999";
		smsPart(other, "lost-1", "ref-88", 1, 2, "驿站晚上十点就关门了");
		Appeal late = Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.mongo.findOne(Query.query(Criteria.where("workerId").is(TestWorkers.idOf(other))),
					Appeal.class), java.util.Objects::nonNull);
		assertThat(late.getText()).isEqualTo("驿站晚上十点就关门了……");

		HttpJson.Response beyond = smsPart(phone, "long-9", "ref-99", 3, 2, "多出来的一段");
		assertThat(beyond.status()).isEqualTo(400);
		assertThat(beyond.json().get("errors").get(0).get("field").asString()).isEqualTo("concatPart");
	}

	private HttpJson.Response smsPart(String phone, String messageId, String reference, int part, int total,
			String text) {
		String body = HttpJson.json(Map.of("from", phone, "text", text, "messageId", messageId, "concatRef", reference,
				"concatPart", part, "concatTotal", total));
		return http().post("/api/v1/channels/sms/inbound", body, "X-Signature", InboundSms.signature(body));
	}

	@Test
	void takesAppealsByInstantMessageAskingForThePhoneOnce() throws Exception {
		String user = "oWx-rider-" + UUID.randomUUID().toString().substring(0, 8);
		HttpJson.Response first = im(user, "im-1", "平台无故扣了我300元配送费，申诉一直没人处理");
		HttpJson.Response redelivered = im(user, "im-1", "平台无故扣了我300元配送费，申诉一直没人处理");
		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		assertThat(first.json().get("action").asString()).isEqualTo("PHONE_REQUESTED");
		assertThat(first.json().get("reply").asString()).contains("手机号码");
		assertThat(redelivered.json().get("redelivered").asBoolean()).isTrue();

		HttpJson.Response bound = im(user, "im-2", "手机 139 1234 1234");
		assertThat(bound.json().get("action").asString()).isEqualTo("PHONE_BOUND");
		assertThat(bound.json().get("reply").asString()).contains("139****1234").contains("已受理");
		String code = bound.json().get("trackingCode").asString();
		AppealSubmitted submitted = events().await(AppealSubmitted.class, (e) -> e.trackingCode().equals(code));
		assertThat(submitted.channel()).isEqualTo(Channel.IM);
		assertThat(submitted.phone()).isEqualTo("13912341234");
		assertThat(submitted.text()).isEqualTo("平台无故扣了我300元配送费，申诉一直没人处理");
		assertThat(submitted.replyTo()).as("answered in the chat").isEqualTo(user);

		HttpJson.Response next = im(user, "im-3", "另外驿站的充电柜也坏了");
		assertThat(next.json().get("action").asString()).isEqualTo("SUBMITTED");
		assertThat(next.json().get("trackingCode").asString()).isNotEqualTo(code);

		HttpJson.Response english = im("oWx-courier-en-" + UUID.randomUUID().toString().substring(0, 6), "im-4",
				"Hello, the water dispenser at the rest station is broken");
		assertThat(english.json().get("reply").asString()).startsWith("Please reply with your mobile number");

		String body = HttpJson.json(Map.of("userId", user, "text", "伪造", "messageId", "im-forged"));
		assertThat(http().post("/api/v1/channels/im/inbound", body, "X-Signature", InboundSms.signature(body)).status())
			.as("signed with the SMS provider's secret")
			.isEqualTo(401);
	}

	private HttpJson.Response im(String userId, String messageId, String text) {
		String body = HttpJson.json(Map.of("userId", userId, "text", text, "messageId", messageId));
		return http().post("/api/v1/channels/im/inbound", body, "X-Signature", InboundSms.imSignature(body));
	}

	@Test
	void followsTheCaseInTheTrackingViewOnceEvenWhenEventsRepeatOrArriveLate() {
		JsonNode accepted = http()
			.post("/api/v1/appeals",
					HttpJson.json(Map.of("channel", "HOTLINE", "text", "来电人反映其在仓库搬货时被叉车压伤脚，公司不给报工伤。", "phone",
							"010-65123456")))
			.json();
		String appealId = accepted.get("appealId").asString();
		String trackingCode = accepted.get("trackingCode").asString();
		AppealRouted routed = Samples.forAppeal(AppealRouted.class, appealId, trackingCode);
		CaseOpened opened = Samples.forAppeal(CaseOpened.class, appealId, trackingCode);
		CaseSigned signed = Samples.forAppeal(CaseSigned.class, appealId, trackingCode);
		CaseResolved resolved = Samples.forAppeal(CaseResolved.class, appealId, trackingCode);

		// The routing decision travels on another topic and arrives last; the case's
		// events arrive in order, some twice.
		sender().send(opened);
		sender().send(signed);
		sender().send(signed);
		sender().send(resolved);
		sender().send(routed);
		sender().send(resolved);

		HttpJson worker = worker("010-65123456");
		Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode view = worker.get("/api/v1/appeals/" + trackingCode).json();
			assertThat(view.get("timeline")).hasSize(5);
			assertThat(view.get("status").asString()).isEqualTo("RESOLVED");
		});
		JsonNode view = worker.get("/api/v1/appeals/" + trackingCode).json();
		assertThat(view.get("department").asString()).isEqualTo("HRSS");
		assertThat(view.get("departmentName").asString()).isEqualTo("人力资源和社会保障局");
		assertThat(view.get("resolution").asString()).isEqualTo(resolved.resolution());
		assertThat(view.get("timeline").findValuesAsString("status")).containsExactly("SUBMITTED", "ROUTED", "OPEN",
				"SIGNED", "RESOLVED");
		assertThat(view.get("statusText").asString()).isEqualTo("已办结，请您评价");
		assertThat(view.get("timeline").get(3).get("event").asString()).isEqualTo("CaseSigned");
		assertThat(view.get("timeline").get(3).get("text").asString()).isEqualTo("承办部门已签收");
		JsonNode english = worker.get("/api/v1/appeals/" + trackingCode, "Accept-Language", "en-GB,en;q=0.9").json();
		assertThat(english.get("statusText").asString()).isEqualTo("Resolved; please rate how it was handled");
		assertThat(english.get("departmentName").asString()).isEqualTo("Human Resources and Social Security Bureau");

	}

	@Test
	void showsTheWorkerTheirWordsEveryPublicStepAndDeadlinesAsDatesButNothingInternal() {
		String text = "站点连续三个月克扣派件费，每月少发800多元，站长说是公司规定。";
		JsonNode accepted = http()
			.post("/api/v1/appeals", HttpJson.json(Map.of("channel", "WEB", "text", text, "phone", "13822223333")))
			.json();
		String appealId = accepted.get("appealId").asString();
		String trackingCode = accepted.get("trackingCode").asString();
		String caseId = UUID.randomUUID().toString();
		ZoneId shanghai = ZoneId.of("Asia/Shanghai");
		Instant firstDue = ZonedDateTime.now(shanghai).plusDays(20).withHour(17).withMinute(30).toInstant();
		Instant extendedDue = firstDue.plus(Duration.ofDays(7));
		Instant reopenedDue = firstDue.plus(Duration.ofDays(14));
		Instant start = Instant.now();
		java.util.concurrent.atomic.AtomicInteger steps = new java.util.concurrent.atomic.AtomicInteger();
		java.util.function.Function<String, CaseEnvelope> step = (status) -> new CaseEnvelope(UUID.randomUUID(),
				appealId, start.plusSeconds(steps.incrementAndGet()), appealId, caseId, trackingCode, "HRSS", status);
		sender().send(new CaseOpened(step.apply("OPEN"), "LABOR_DISPUTE", "COMPLAINT", "NORMAL", CaseOpened.LEAD, "海淀区",
				Instant.now().plus(Duration.ofDays(1)), firstDue));
		sender().send(new CaseAssigned(step.apply("OPEN"), "hrss-wang", "system", "ROUND_ROBIN"));
		sender().send(new CaseSigned(step.apply("SIGNED"), "hrss-wang"));
		sender().send(new CaseInfoRequested(step.apply("WAITING_FOR_WORKER"), "请提供近三个月的结算截图。", "hrss-wang"));
		sender().send(new CaseInfoProvided(step.apply("IN_PROGRESS"), "截图已上传。", firstDue));
		sender().send(new CaseExtensionRequested(step.apply("IN_PROGRESS"), "hrss-wang", "PT14H", "需现场核查。"));
		sender().send(new SlaWarning(step.apply("IN_PROGRESS"), "RESOLVE", 80, firstDue));
		sender().send(new CaseExtended(step.apply("IN_PROGRESS"), "hrss-li", "PT14H", extendedDue, "需现场核查。"));
		HttpJson worker = worker("13822223333");
		JsonNode extended = Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> worker.get("/api/v1/appeals/" + trackingCode).json(),
					(view) -> view.get("timeline").findValuesAsString("event").contains("CaseExtended"));
		assertThat(extended.get("text").asString()).isEqualTo(text);
		assertThat(extended.get("deadlineText").asString()).isEqualTo("预计" + date(extendedDue, shanghai) + "前办结");
		assertThat(extended.get("nextStep").asString()).isEqualTo("承办部门正在办理，有答复会通知您。");

		sender().send(new CaseResolved(step.apply("RESOLVED"), "已责令站点补发9月派件费800元。", "hrss-wang", true));
		sender().send(new CaseRated(step.apply("RATED"), "DISSATISFIED", "只补发了一个月。"));
		sender().send(new CaseReopened(step.apply("REOPENED"), 1, reopenedDue));
		sender().send(new CaseResolved(step.apply("RESOLVED"), "站点已补齐剩余两个月派件费1600元。", "hrss-wang", true));
		sender().send(new CaseRated(step.apply("RATED"), "SATISFIED", "都到账了。"));
		sender().send(new CaseClosed(step.apply("CLOSED"), true, "worker", "SATISFIED"));
		JsonNode view = Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> worker.get("/api/v1/appeals/" + trackingCode).json(),
					(v) -> v.get("status").asString().equals("CLOSED"));

		assertThat(view.get("timeline").findValuesAsString("event")).containsExactly("AppealSubmitted", "CaseOpened",
				"CaseSigned", "CaseInfoRequested", "CaseInfoProvided", "CaseExtended", "CaseResolved", "CaseRated",
				"CaseReopened", "CaseResolved", "CaseRated", "CaseClosed");
		assertThat(view.get("timeline").findValuesAsString("text")).contains(
				"承办部门待签收，预计" + date(firstDue, shanghai) + "前办结", "办理期限延长至" + date(extendedDue, shanghai) + "，原因：需现场核查。",
				"重新办理，预计" + date(reopenedDue, shanghai) + "前办结");
		assertThat(view.get("timeline").findValuesAsString("note")).contains("请提供近三个月的结算截图。", "截图已上传。",
				"已责令站点补发9月派件费800元。", "站点已补齐剩余两个月派件费1600元。", "不满意", "满意");
		assertThat(view.toString()).doesNotContain("hrss-wang", "hrss-li", "ROUND_ROBIN", "PT14H", "DISSATISFIED");
		assertThat(view.get("deadlineText").isNull()).isTrue();
		assertThat(view.get("nextStep").asString()).isEqualTo("诉求已结案，无需操作。");
		assertThat(view.get("ratingText").asString()).isEqualTo("满意");
		JsonNode english = worker.get("/api/v1/appeals/" + trackingCode, "Accept-Language", "en").json();
		assertThat(english.get("timeline").findValuesAsString("text")).contains("The deadline was extended to "
				+ extendedDue.atZone(shanghai)
					.format(java.time.format.DateTimeFormatter.ofPattern(
							sameYear(extendedDue, shanghai) ? "d MMMM" : "d MMMM yyyy", java.util.Locale.ENGLISH))
				+ ": 需现场核查。");
		assertThat(english.get("timeline").findValuesAsString("note")).contains("Dissatisfied");
	}

	/** "12月22日" (with the year when it is not this year's). */
	private static String date(Instant at, ZoneId zone) {
		ZonedDateTime local = at.atZone(zone);
		return (sameYear(at, zone) ? "" : local.getYear() + "年") + local.getMonthValue() + "月" + local.getDayOfMonth()
				+ "日";
	}

	private static boolean sameYear(Instant at, ZoneId zone) {
		return at.atZone(zone).getYear() == ZonedDateTime.now(zone).getYear();
	}

	private HttpJson worker(String phone) {
		return http().as(TestWorkers.token(phone));
	}

	private String[] submitAndOpen(String text) {
		JsonNode accepted = http()
			.post("/api/v1/appeals",
					HttpJson.json(Map.of("channel", "MOBILE_APP", "text", text, "phone", "13811112222")))
			.json();
		String appealId = accepted.get("appealId").asString();
		String trackingCode = accepted.get("trackingCode").asString();
		sender().send(Samples.forAppeal(CaseOpened.class, appealId, trackingCode));
		sender().send(Samples.forAppeal(CaseSigned.class, appealId, trackingCode));
		return new String[] { appealId, trackingCode };
	}

	@Test
	void passesTheWorkersAnswerToTheDepartmentOnce() {
		String[] appeal = submitAndOpen("站点拖欠配送费两个月");
		HttpJson worker = worker("13811112222");
		HttpJson.Response tooEarly = worker.post("/api/v1/appeals/" + appeal[1] + "/answers",
				HttpJson.json(Map.of("answer", "还没问就答")));
		CaseInfoRequested question = Samples.forAppeal(CaseInfoRequested.class, appeal[0], appeal[1]);
		sender().send(question);
		JsonNode waiting = Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> worker.get("/api/v1/appeals/" + appeal[1]).json(),
					(view) -> view.get("status").asString().equals("WAITING_FOR_WORKER"));

		HttpJson.Response answered = worker.post("/api/v1/appeals/" + appeal[1] + "/answers",
				HttpJson.json(Map.of("answer", "聊天记录已上传，站点在酒仙桥路10号。")));
		HttpJson.Response again = worker.post("/api/v1/appeals/" + appeal[1] + "/answers",
				HttpJson.json(Map.of("answer", "再答一次")));

		assertThat(tooEarly.status()).isEqualTo(409);
		assertThat(waiting.get("question").get("text").asString()).isEqualTo(question.question());
		assertThat(answered.status()).as(answered.toString()).isEqualTo(202);
		assertThat(again.status()).isEqualTo(409);
		WorkerAnswered event = events().await(WorkerAnswered.class, (e) -> e.appealId().equals(appeal[0]));
		assertThat(event.caseId()).isEqualTo(question.caseId());
		assertThat(event.answer()).isEqualTo("聊天记录已上传，站点在酒仙桥路10号。");
		assertThat(event.topic()).isEqualTo(Topics.APPEAL_FEEDBACK);
	}

	@Test
	void takesOneRatingPerResolution() {
		String[] appeal = submitAndOpen("驿站空调坏了");
		HttpJson worker = worker("13811112222");
		HttpJson.Response tooEarly = worker.post("/api/v1/appeals/" + appeal[1] + "/rating",
				HttpJson.json(Map.of("rating", "SATISFIED")));
		sender().send(Samples.forAppeal(CaseResolved.class, appeal[0], appeal[1]));
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> worker.get("/api/v1/appeals/" + appeal[1]).json().get("canRate").asBoolean());

		HttpJson.Response invalid = worker.post("/api/v1/appeals/" + appeal[1] + "/rating",
				HttpJson.json(Map.of("rating", "MEH")));
		HttpJson.Response rated = worker.post("/api/v1/appeals/" + appeal[1] + "/rating",
				HttpJson.json(Map.of("rating", "DISSATISFIED", "comment", "钱只到了一半")));
		HttpJson.Response again = worker.post("/api/v1/appeals/" + appeal[1] + "/rating",
				HttpJson.json(Map.of("rating", "SATISFIED")));

		assertThat(tooEarly.status()).isEqualTo(409);
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().get("errors").get(0).get("field").asString()).isEqualTo("rating");
		assertThat(rated.status()).as(rated.toString()).isEqualTo(202);
		assertThat(rated.json().get("canRate").asBoolean()).isFalse();
		assertThat(again.status()).isEqualTo(409);
		WorkerRated event = events().await(WorkerRated.class, (e) -> e.appealId().equals(appeal[0]));
		assertThat(event.rating()).isEqualTo("DISSATISFIED");
		assertThat(event.comment()).isEqualTo("钱只到了一半");
	}

	@Test
	void filesAndFollowsAnAppealForAnOpen311ClientThatSeesOnlyItsOwn() {
		HttpJson admin = http().as(TestIssuer.get().admin("admin-open311"));
		HttpJson.Response issued = admin.post("/api/v1/admin/open311-clients",
				HttpJson.json(Map.of("name", "朝阳区骑手服务小程序")));
		assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
		String key = issued.json().get("apiKey").asString();
		String clientId = issued.json().get("client").get("clientId").asString();
		String otherKey = admin.post("/api/v1/admin/open311-clients", HttpJson.json(Map.of("name", "另一个客户端")))
			.json()
			.get("apiKey")
			.asString();
		assertThat(admin.get("/api/v1/admin/open311-clients").body()).contains(clientId).doesNotContain(key);

		JsonNode services = http().get("/open311/v2/services.json").json();
		JsonNode wages = services.findParents("service_code")
			.stream()
			.filter((service) -> service.get("service_code").asString().equals("WAGE_ARREARS"))
			.findFirst()
			.orElseThrow();
		assertThat(wages.get("service_name").asString()).isEqualTo("欠薪与工资报酬");
		assertThat(wages.get("group").asString()).isEqualTo("人力资源和社会保障局");
		assertThat(wages.get("metadata").asBoolean()).isFalse();
		assertThat(http().get("/open311/v2/services.json?locale=en").body()).contains("Wage arrears and pay");

		Map<String, String> fields = Map.of("api_key", key, "service_code", "WAGE_ARREARS", "description",
				"站点拖欠我两个月配送费共４８００元，站长一直推脱。", "phone", "13923456789", "address_string", "北京市朝阳区望京街道阜通东大街", "lat",
				"39.9960", "long", "116.4800");
		HttpJson.Response filed = http().request("POST", "/open311/v2/requests.json",
				"application/x-www-form-urlencoded", form(fields), "Idempotency-Key", "client-req-1");
		assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
		String requestId = filed.json().get(0).get("service_request_id").asString();
		assertThat(requestId).matches("WS[2-9A-HJKMNP-Z]{8}");
		assertThat(http()
			.request("POST", "/open311/v2/requests.json", "application/x-www-form-urlencoded", form(fields),
					"Idempotency-Key", "client-req-1")
			.json()
			.get(0)
			.get("service_request_id")
			.asString()).isEqualTo(requestId);

		AppealSubmitted submitted = events().await(AppealSubmitted.class, (e) -> e.trackingCode().equals(requestId));
		assertThat(submitted.channel()).isEqualTo(Channel.OPEN311);
		assertThat(submitted.text()).isEqualTo("站点拖欠我两个月配送费共4800元，站长一直推脱。");
		assertThat(submitted.district()).isEqualTo("朝阳区");
		assertThat(events().all(AppealSubmitted.class, (e) -> e.trackingCode().equals(requestId))).hasSize(1);

		CaseOpened opened = Samples.forAppeal(CaseOpened.class, submitted.appealId(), requestId);
		sender().send(opened);
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(http().get("/open311/v2/requests/" + requestId + ".json?api_key=" + key)
				.json()
				.get(0)
				.get("agency_responsible")
				.asString(null)).isEqualTo("人力资源和社会保障局"));
		JsonNode open = http().get("/open311/v2/requests/" + requestId + ".json?api_key=" + key).json().get(0);
		assertThat(open.get("status").asString()).isEqualTo("open");
		assertThat(open.get("service_code").asString()).isEqualTo("WAGE_ARREARS");
		assertThat(open.get("service_name").asString()).isEqualTo("欠薪与工资报酬");
		assertThat(open.get("address").asString()).isEqualTo("北京市朝阳区望京街道阜通东大街");
		assertThat(open.get("lat").asDouble()).isEqualTo(39.996);
		assertThat(Instant.from(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME
			.parse(open.get("expected_datetime").asString())))
			.isEqualTo(opened.resolveDueAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
		assertThat(open.get("requested_datetime").asString()).endsWith("+08:00");

		CaseResolved resolved = Samples.forAppeal(CaseResolved.class, submitted.appealId(), requestId);
		sender().send(resolved);
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(http().get("/open311/v2/requests.json?status=closed&api_key=" + key)
				.json()
				.findValuesAsString("service_request_id")).contains(requestId));
		JsonNode closed = http().get("/open311/v2/requests.json?service_request_id=" + requestId + "&api_key=" + key)
			.json()
			.get(0);
		assertThat(closed.get("status").asString()).isEqualTo("closed");
		assertThat(closed.get("status_notes").asString()).isEqualTo(resolved.resolution());
		assertThat(closed.get("expected_datetime").isNull()).isTrue();
		assertThat(http().get("/open311/v2/requests.json?status=open&api_key=" + key)
			.json()
			.findValuesAsString("service_request_id")).doesNotContain(requestId);

		// Another client sees nothing of it.
		assertThat(http().get("/open311/v2/requests/" + requestId + ".json?api_key=" + otherKey).status())
			.isEqualTo(404);
		assertThat(http().get("/open311/v2/requests.json?api_key=" + otherKey).json()).isEmpty();

		// A revoked key opens nothing.
		assertThat(admin.delete("/api/v1/admin/open311-clients/" + clientId).json().get("active").asBoolean())
			.isFalse();
		HttpJson.Response revoked = http().get("/open311/v2/requests.json?api_key=" + key);
		assertThat(revoked.status()).isEqualTo(401);
		assertThat(revoked.json().get(0).get("description").asString()).startsWith("api_key:");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					no service            | phone=13923456789&description=工资没发                                        | 400 | service_code: is required
					unknown service       | service_code=PARKING&phone=13923456789&description=工资没发                    | 400 | service_code: is not a service
					no description        | service_code=WAGE_ARREARS&phone=13923456789                                | 400 | description: is required
					control characters    | service_code=WAGE_ARREARS&phone=13923456789&description=工资%00没发             | 400 | description: must not contain control
					no phone              | service_code=WAGE_ARREARS&description=工资没发                                 | 400 | phone: is required
					bad phone             | service_code=WAGE_ARREARS&phone=12345&description=工资没发                      | 400 | phone: must be
					latitude out of range | service_code=WAGE_ARREARS&phone=13923456789&description=工资没发&lat=91&long=116 | 400 | lat: must be between
					latitude as NaN       | service_code=WAGE_ARREARS&phone=13923456789&description=工资没发&lat=NaN&long=116 | 400 | lat: must be a decimal
					latitude alone        | service_code=WAGE_ARREARS&phone=13923456789&description=工资没发&lat=39.9      | 400 | long: is required
					given twice           | service_code=WAGE_ARREARS&service_code=HOUSING&phone=13923456789&description=x | 400 | service_code: is given more than once
					""")
	void refusesABadOpen311RequestAsGeoReportDescribes(String description, String fields, int status, String problem) {
		String key = TestOpen311.key(http());
		HttpJson.Response response = http().request("POST", "/open311/v2/requests.json",
				"application/x-www-form-urlencoded", "api_key=" + key + "&" + fields);
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.json().get(0).get("code").asInt()).isEqualTo(status);
		assertThat(response.json().get(0).get("description").asString()).startsWith(problem);
		assertThat(http().request("POST", "/open311/v2/requests.json", "application/x-www-form-urlencoded", fields)
			.status()).isEqualTo(401);
		assertThat(http().get("/open311/v2/requests.json?api_key=" + key + "&start_date=2026-13-01")
			.json()
			.get(0)
			.get("description")
			.asString()).startsWith("start_date:");
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((field) -> field.getKey() + "="
					+ java.net.URLEncoder.encode(field.getValue(), java.nio.charset.StandardCharsets.UTF_8))
			.collect(java.util.stream.Collectors.joining("&"));
	}

	@Test
	void recordsTheOperatorWhoFiledAnAppealForAWorkerFromTheToken() {
		HttpJson operator = http().as(TestIssuer.get().operator("hotline.liuyang"));
		String request = HttpJson.json(Map.of("channel", "HOTLINE", "phone", "13934567890", "summary",
				"来电人称其为外卖骑手，在望京送餐时被车撞倒，右腿受伤，平台不认可是工作时间受伤。", "district", "朝阳区", "stationId", "WJ-07", "idempotencyKey",
				"call-20261201-0815"));

		HttpJson.Response filed = operator.post("/api/v1/channels/operator/appeals", request);
		HttpJson.Response again = operator.post("/api/v1/channels/operator/appeals", request);

		assertThat(filed.status()).as(filed.toString()).isEqualTo(202);
		assertThat(again.json().get("trackingCode")).isEqualTo(filed.json().get("trackingCode"));
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
		String appealId = filed.json().get("appealId").asString();
		AppealSubmitted submitted = events().await(AppealSubmitted.class, (e) -> e.appealId().equals(appealId));
		assertThat(submitted.channel()).isEqualTo(Channel.HOTLINE);
		assertThat(submitted.stationId()).isEqualTo("WJ-07");
		Appeal stored = this.mongo.findById(appealId, Appeal.class);
		assertThat(stored.getFiling().filedBy()).isEqualTo("operator:hotline.liuyang");
		assertThat(operator.get("/api/v1/channels/operator/appeals").json().findValuesAsString("trackingCode"))
			.contains(filed.json().get("trackingCode").asString());
		assertThat(http().as(TestIssuer.get().operator("grid.zhangli"))
			.get("/api/v1/channels/operator/appeals")
			.json()
			.findValuesAsString("trackingCode")).doesNotContain(filed.json().get("trackingCode").asString());

		HttpJson.Response web = operator.post("/api/v1/channels/operator/appeals",
				HttpJson.json(Map.of("channel", "WEB", "phone", "13934567890", "summary", "驿站没有热水")));
		assertThat(web.status()).isEqualTo(400);
		assertThat(web.body()).contains("channel").contains("HOTLINE, GRID_WORKER or KIOSK");
		HttpJson.Response control = operator.post("/api/v1/channels/operator/appeals",
				HttpJson.json(Map.of("channel", "KIOSK", "phone", "13934567890", "summary", "驿站\u0000没有热水")));
		assertThat(control.status()).isEqualTo(400);
		assertThat(control.body()).contains("summary");
	}

	@Test
	void importsASpreadsheetRowByRowNamingEveryBadRowAndFilingEachGoodRowOnce() throws Exception {
		HttpJson operator = http().as(TestIssuer.get().operator("grid.wangfang"));
		String csv = String.join("\r\n", "手机号,诉求内容,所在区,驿站编号,日期,备注",
				"13945670001,驿站的饮水机坏了一周，中午没有热水泡面。,朝阳区,WJ-07,2026-11-28,心愿箱",
				"139 4567 0002,希望驿站能加装电动车充电柜，晚上充电太难。,朝阳区,WJ-07,2026/11/28,", "1394567,站长拖欠工资,朝阳区,WJ-07,2026-11-28,",
				"13945670003,,朝阳区,WJ-07,2026-11-28,", "13945670004,想报名参加电工培训，不知道去哪里报。,朝阳区,WJ-07,2026-02-30,", ",,,,,",
				"13945670001,驿站的饮水机坏了一周，中午没有热水泡面。,朝阳区,WJ-07,2026-11-28,重复",
				"13945670005,\"快递柜超时费太高\u0007，一天要收3元\",朝阳区,WJ-07,,");
		byte[] gbk = csv.getBytes(java.nio.charset.Charset.forName("GB18030"));

		HttpJson.Response uploaded = TestImports.upload(operator, "WISH_BOX", "wish-box-1128.csv", "text/csv", gbk);
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(202);
		JsonNode summary = uploaded.json().get("summary");
		assertThat(summary.get("rows").asInt()).isEqualTo(7);
		assertThat(summary.get("blankRows").asInt()).isEqualTo(1);
		assertThat(summary.get("ignoredColumns").get(0).asString()).isEqualTo("备注");
		String importId = summary.get("importId").asString();

		JsonNode report = Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> operator.get("/api/v1/channels/imports/" + importId).json(),
					(body) -> body.get("summary").get("status").asString().equals("DONE"));
		Map<Integer, JsonNode> rows = new java.util.HashMap<>();
		report.get("rows").forEach((row) -> rows.put(row.get("row").asInt(), row));
		assertThat(rows.get(2).get("outcome").asString()).isEqualTo("ACCEPTED");
		assertThat(rows.get(3).get("outcome").asString()).isEqualTo("ACCEPTED");
		assertThat(rows.get(4).get("field").asString()).isEqualTo("phone");
		assertThat(rows.get(5).get("field").asString()).isEqualTo("text");
		assertThat(rows.get(6).get("field").asString()).isEqualTo("date");
		assertThat(rows.get(8).get("outcome").asString()).isEqualTo("DUPLICATE_IN_FILE");
		assertThat(rows.get(8).get("reason").asString()).isEqualTo("the same as row 2");
		assertThat(rows.get(9).get("outcome").asString()).isEqualTo("ACCEPTED");
		assertThat(rows.get(2).get("phone").asString()).isEqualTo("139****0001");
		assertThat(report.get("summary").get("accepted").asInt()).isEqualTo(3);
		assertThat(report.get("summary").get("rejected").asInt()).isEqualTo(3);

		String code = rows.get(2).get("trackingCode").asString();
		AppealSubmitted submitted = events().await(AppealSubmitted.class, (e) -> e.trackingCode().equals(code));
		assertThat(submitted.channel()).isEqualTo(Channel.WISH_BOX);
		assertThat(submitted.stationId()).isEqualTo("WJ-07");
		String stripped = rows.get(9).get("trackingCode").asString();
		assertThat(events().await(AppealSubmitted.class, (e) -> e.trackingCode().equals(stripped)).text())
			.isEqualTo("快递柜超时费太高 ，一天要收3元");
		assertThat(this.mongo.findById(submitted.appealId(), Appeal.class).getFiling().filedBy())
			.isEqualTo("import:grid.wangfang");

		// The same file again, by another operator: nothing is filed twice.
		HttpJson other = http().as(TestIssuer.get().operator("grid.lisi"));
		String again = TestImports.upload(other, "WISH_BOX", "wish-box-1128.csv", "text/csv", gbk)
			.json()
			.get("summary")
			.get("importId")
			.asString();
		JsonNode second = Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> other.get("/api/v1/channels/imports/" + again).json(),
					(body) -> body.get("summary").get("status").asString().equals("DONE"));
		assertThat(second.get("summary").get("alreadyImported").asInt()).isEqualTo(3);
		assertThat(second.get("summary").get("accepted").asInt()).isZero();
		assertThat(second.get("rows").get(0).get("trackingCode").asString()).isEqualTo(code);
		assertThat(events().all(AppealSubmitted.class, (e) -> e.trackingCode().equals(code))).hasSize(1);

		// Bounds are refused naming the parameter, never a server error.
		HttpJson.Response tooFew = operator.get("/api/v1/channels/imports?limit=0");
		assertThat(tooFew.status()).isEqualTo(400);
		assertThat(tooFew.json().get("errors").get(0).get("field").asString()).isEqualTo("limit");

		// Each operator sees their own uploads only.
		assertThat(other.get("/api/v1/channels/imports/" + importId).status()).isEqualTo(404);
		assertThat(operator.get("/api/v1/channels/imports").json().findValuesAsString("importId")).contains(importId)
			.doesNotContain(again);
	}

	@Test
	void importsAWorkbookReadingNumbersAsWrittenAndDatesAsShown() throws Exception {
		java.io.ByteArrayOutputStream xlsx = new java.io.ByteArrayOutputStream();
		org.dhatim.fastexcel.Workbook workbook = new org.dhatim.fastexcel.Workbook(xlsx, "Waystation", "1.0");
		org.dhatim.fastexcel.Worksheet sheet = workbook.newWorksheet("网格走访");
		List<String> header = List.of("phone", "text", "district", "grid", "date");
		for (int i = 0; i < header.size(); i++) {
			sheet.value(0, i, header.get(i));
		}
		sheet.value(1, 0, 13945671111L);
		sheet.value(1, 1, "走访中货车司机反映，物流园停车场夜间没有照明，装卸货不安全。");
		sheet.value(1, 2, "大兴区");
		sheet.value(1, 3, "DX-GRID-12");
		sheet.value(1, 4, java.time.LocalDate.of(2026, 11, 27));
		sheet.style(1, 4).format("yyyy-mm-dd").set();
		workbook.finish();

		HttpJson operator = http().as(TestIssuer.get().operator("grid.zhaolei"));
		HttpJson.Response uploaded = TestImports.upload(operator, "GRID_WORKER", "grid-1127.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.toByteArray());
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(202);
		assertThat(uploaded.json().get("summary").get("format").asString()).isEqualTo("XLSX");
		String importId = uploaded.json().get("summary").get("importId").asString();
		JsonNode report = Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> operator.get("/api/v1/channels/imports/" + importId).json(),
					(body) -> body.get("summary").get("status").asString().equals("DONE"));
		assertThat(report.get("rows").get(0).get("outcome").asString()).as(report.toString()).isEqualTo("ACCEPTED");
		String code = report.get("rows").get(0).get("trackingCode").asString();
		AppealSubmitted submitted = events().await(AppealSubmitted.class, (e) -> e.trackingCode().equals(code));
		assertThat(submitted.phone()).isEqualTo("13945671111");
		assertThat(submitted.channel()).isEqualTo(Channel.GRID_WORKER);
		assertThat(submitted.district()).isEqualTo("大兴区");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			no phone column  | 姓名,诉求内容\\n张三,工资没发                 | file | has no phone column
			no text column   | 手机号,姓名\\n13945670001,张三               | file | has no text column
			only a header    | 手机号,诉求内容                              | file | has no rows
			two text columns | 手机号,诉求内容,text\\n13945670001,工资,没发  | file | names the text column twice
			""")
	void refusesAFileItCannotReadNamingWhy(String description, String csv, String field, String problem) {
		HttpJson.Response response = TestImports.upload(http().as(TestIssuer.get().operator("grid.wangfang")),
				"CSV_IMPORT", "bad.csv", "text/csv",
				csv.replace("\\n", "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
		assertThat(response.json().get("errors").get(0).get("problem").asString()).contains(problem);
	}

	@Test
	void finishesAnImportThatAStoppedInstanceLeftUnfinished() {
		org.waystation.intake.imports.ImportJob left = TestImports.unfinished(this.mongo, "grid.wangfang",
				"13945679999", "社区驿站周末不开门，希望延长开放时间。");
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.mongo.findById(left.id(), org.waystation.intake.imports.ImportJob.class).status().name(),
					"DONE"::equals);
		org.waystation.intake.imports.ImportJob done = this.mongo.findById(left.id(),
				org.waystation.intake.imports.ImportJob.class);
		assertThat(done.rows().get(0).outcome().name()).isEqualTo("ACCEPTED");
		assertThat(done.rows().get(0).text()).isNull();
		String code = done.rows().get(0).trackingCode();
		assertThat(events().await(AppealSubmitted.class, (e) -> e.trackingCode().equals(code)).phone())
			.isEqualTo("13945679999");
	}

	@Test
	void deadLettersUnreadableRecordsAndKeepsConsuming() {
		String appealId = http()
			.post("/api/v1/appeals", HttpJson.json(Map.of("channel", "IM", "text", "平台无故封号", "phone", "13655556666")))
			.json()
			.get("appealId")
			.asString();
		String trackingCode = this.mongo.findById(appealId, Appeal.class).getTrackingCode();

		sender().sendRaw(Topics.CASE_EVENTS, appealId, "{\"type\":\"CaseSigned\", this is not json");
		sender().send(Samples.forAppeal(CaseOpened.class, appealId, trackingCode));
		sender().send(Samples.forAppeal(CaseSigned.class, appealId, trackingCode));

		events().awaitDeadLetter(Topics.deadLetterOf(Topics.CASE_EVENTS), "this is not json");
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.mongo.findById(appealId, Appeal.class).getStatus().name().equals("SIGNED"));
	}

}
