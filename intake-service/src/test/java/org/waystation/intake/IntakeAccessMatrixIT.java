package org.waystation.intake;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;
import org.waystation.events.CaseOpened;
import org.waystation.intake.appeal.Appeal;
import org.waystation.testsupport.AccessMatrix;
import org.waystation.testsupport.AccessMatrix.Request;
import org.waystation.testsupport.EmbeddedInfrastructureTest;
import org.waystation.testsupport.HttpJson;
import org.waystation.testsupport.Samples;
import org.waystation.testsupport.ServiceScenario;
import org.waystation.testsupport.TestIssuer;
import org.waystation.testsupport.TestWorkers;

import static org.waystation.testsupport.AccessMatrix.Persona.ADMIN;
import static org.waystation.testsupport.AccessMatrix.Persona.OPERATOR;
import static org.waystation.testsupport.AccessMatrix.Persona.STAFF_OWN;
import static org.waystation.testsupport.AccessMatrix.Persona.SUPERVISOR_ALL;
import static org.waystation.testsupport.AccessMatrix.Persona.SUPERVISOR_OWN;
import static org.waystation.testsupport.AccessMatrix.Persona.WORKER_OTHER;
import static org.waystation.testsupport.AccessMatrix.Persona.WORKER_OWN;

/**
 * Every endpoint of intake-service × every persona, on an appeal of the own worker whose
 * case is in HRSS.
 */
@EmbeddedInfrastructureTest
@TestPropertySource(properties = { InboundSms.SECRET_PROPERTY, InboundSms.IM_SECRET_PROPERTY,
		InboundSms.PARTS_WAIT_PROPERTY, InboundSms.PARTS_CHECK_PROPERTY, TestImports.RESUME_PROPERTY })
class IntakeAccessMatrixIT extends ServiceScenario {

	private static final String OWN_PHONE = "13600001111";

	@Autowired
	ApplicationContext context;

	@Autowired
	MongoTemplate mongo;

	/** A 1 × 1 PNG image, in base64. */
	private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

	/**
	 * The same signed inbound SMS each time (the first files it, the rest are
	 * redeliveries).
	 */
	private static Request signedSms() {
		String body = HttpJson.json(Map.of("from", "13600004444", "text", "驿站饮水机坏了", "messageId", "matrix-sms-1"));
		return Request.post("/api/v1/channels/sms/inbound", body).header("X-Signature", InboundSms.signature(body));
	}

	/** An appeal of the own worker, with a photo, whose case HRSS holds. */
	private String appealInHrss() {
		HttpJson.Response accepted = http().post("/api/v1/appeals", HttpJson.json(Map.of("channel", "WEB", "text",
				"站点拖欠配送费", "phone", OWN_PHONE, "photos", List.of(Map.of("contentType", "image/png", "data", PNG)))));
		String appealId = accepted.json().get("appealId").asString();
		String trackingCode = accepted.json().get("trackingCode").asString();
		sender().send(Samples.forAppeal(CaseOpened.class, appealId, trackingCode));
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.mongo.findById(appealId, Appeal.class).getDepartments().contains("HRSS"));
		return trackingCode;
	}

	/** An Open311 request of a client whose key every persona holds. */
	private String open311Request(String key) {
		return http()
			.request("POST", "/open311/v2/requests.json", "application/x-www-form-urlencoded", "api_key=" + key
					+ "&service_code=REST_STATION&phone=13600005555&description=%E9%A9%BF%E7%AB%99%E6%B2%A1%E7%94%B5")
			.json()
			.get(0)
			.get("service_request_id")
			.asString();
	}

	/** An import uploaded by the operator persona. */
	private String importOf(String operatorToken) {
		return TestImports
			.upload(http().as(operatorToken), "WISH_BOX", "matrix.csv", "text/csv",
					"手机号,诉求内容\n13600008888,驿站Wi-Fi连不上".getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.json()
			.get("summary")
			.get("importId")
			.asString();
	}

	@Test
	void everyEndpointRefusesEveryoneButThoseItIsFor() {
		String key = TestOpen311.key(http());
		new AccessMatrix(http(), TestIssuer.get(), TestWorkers.idOf(OWN_PHONE), TestWorkers.idOf("13600002222"), "HRSS",
				"TRANSPORT")
			.open("POST", "/api/v1/appeals",
					() -> Request.post("/api/v1/appeals",
							HttpJson.json(Map.of("channel", "WEB", "text", "驿站没有热水", "phone", "13600003333"))))
			.expect("GET", "/api/v1/appeals", () -> Request.get("/api/v1/appeals"), WORKER_OWN, WORKER_OTHER)
			.expect("GET", "/api/v1/appeals/{trackingCode}", () -> Request.get("/api/v1/appeals/" + appealInHrss()),
					WORKER_OWN)
			.expect("POST", "/api/v1/appeals/{trackingCode}/answers",
					() -> Request.post("/api/v1/appeals/" + appealInHrss() + "/answers",
							HttpJson.json(Map.of("answer", "已上传截图"))),
					WORKER_OWN)
			.expect("POST", "/api/v1/appeals/{trackingCode}/rating",
					() -> Request.post("/api/v1/appeals/" + appealInHrss() + "/rating",
							HttpJson.json(Map.of("rating", "SATISFIED"))),
					WORKER_OWN)
			.expect("GET", "/api/v1/appeals/{trackingCode}/contact",
					() -> Request.get("/api/v1/appeals/" + appealInHrss() + "/contact"), STAFF_OWN, SUPERVISOR_OWN,
					SUPERVISOR_ALL)
			.open("POST", "/api/v1/channels/sms/inbound", IntakeAccessMatrixIT::signedSms)
			.open("POST", "/api/v1/channels/im/inbound", () -> {
				String body = HttpJson
					.json(Map.of("userId", "oWx-matrix", "text", "驿站没有热水", "messageId", "matrix-im-1"));
				return Request.post("/api/v1/channels/im/inbound", body)
					.header("X-Signature", InboundSms.imSignature(body));
			})
			.expect("GET", "/api/v1/appeals/{trackingCode}/photos",
					() -> Request.get("/api/v1/appeals/" + appealInHrss() + "/photos"), WORKER_OWN, STAFF_OWN,
					SUPERVISOR_OWN, SUPERVISOR_ALL)
			.expect("GET", "/api/v1/appeals/{trackingCode}/photos/{n}",
					() -> Request.get("/api/v1/appeals/" + appealInHrss() + "/photos/1"), WORKER_OWN, STAFF_OWN,
					SUPERVISOR_OWN, SUPERVISOR_ALL)
			.open("GET", "/open311/v2/services.json", () -> Request.get("/open311/v2/services.json"))
			.open("GET", "/open311/v2/services/{serviceCode}.json",
					() -> Request.get("/open311/v2/services/WAGE_ARREARS.json"))
			.open("POST", "/open311/v2/requests.json",
					() -> Request.form("/open311/v2/requests.json", "api_key=" + key
							+ "&service_code=REST_STATION&phone=13600005555&description=%E6%B2%A1%E7%83%AD%E6%B0%B4"))
			.open("GET", "/open311/v2/requests.json", () -> Request.get("/open311/v2/requests.json?api_key=" + key))
			.open("GET", "/open311/v2/requests/{serviceRequestId}.json",
					() -> Request.get("/open311/v2/requests/" + open311Request(key) + ".json?api_key=" + key))
			.expect("POST", "/api/v1/admin/open311-clients",
					() -> Request.post("/api/v1/admin/open311-clients", HttpJson.json(Map.of("name", "矩阵客户端"))), ADMIN)
			.expect("GET", "/api/v1/admin/open311-clients", () -> Request.get("/api/v1/admin/open311-clients"), ADMIN)
			.expect("DELETE", "/api/v1/admin/open311-clients/{clientId}",
					() -> Request.delete("/api/v1/admin/open311-clients/" + TestOpen311.issue(http()).clientId()),
					ADMIN)
			.expect("POST", "/api/v1/channels/operator/appeals",
					() -> Request.post("/api/v1/channels/operator/appeals",
							HttpJson
								.json(Map.of("channel", "HOTLINE", "phone", "13600006666", "summary", "来电反映驿站夜间不开门"))),
					OPERATOR)
			.expect("GET", "/api/v1/channels/operator/appeals", () -> Request.get("/api/v1/channels/operator/appeals"),
					OPERATOR)
			.expect("POST", "/api/v1/channels/imports",
					() -> new Request("POST", "/api/v1/channels/imports", "text/csv", "手机号,诉求内容\n13600007777,驿站空调坏了",
							java.util.List.of()),
					OPERATOR)
			.expect("GET", "/api/v1/channels/imports", () -> Request.get("/api/v1/channels/imports"), OPERATOR)
			.expect("GET", "/api/v1/channels/imports/{importId}",
					() -> Request.get("/api/v1/channels/imports/"
							+ importOf(TestIssuer.get().operator(AccessMatrix.subject(OPERATOR, null)))),
					OPERATOR)
			.expect("GET", "/api/v1/audit/contact-reads", () -> Request.get("/api/v1/audit/contact-reads"),
					AccessMatrix.SUPERVISORS)
			.verify(this.context);
	}

}
