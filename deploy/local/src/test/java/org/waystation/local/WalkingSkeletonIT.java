package org.waystation.local;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.waystation.testsupport.HttpJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole stack as {@code ./run.sh} starts it — real Kafka broker, mongo-java-server on
 * disk, the SMS stand-in, every service from its packaged jar — driven through the
 * gateway as a worker, a member of staff and a supervisor would, each signed in, then
 * stopped and started again to show nothing is lost and sign-ins still hold.
 */
class WalkingSkeletonIT {

	private static final Duration EVENTUALLY = Duration.ofSeconds(60);

	private static final String PHONE = "13812345678";

	@TempDir
	Path data;

	@Test
	void carriesAnAppealFromSubmissionToResolutionAndKeepsItAcrossARestart() throws Exception {
		StackConfig config = TestStacks.config(this.data);
		String appealId;
		String trackingCode;
		String caseId;
		String workerToken;
		String correlationId = "e2e-" + UUID.randomUUID();
		try (Stack stack = new Stack(config, System.out).start()) {
			HttpJson gateway = new HttpJson(stack.gatewayUrl());
			String submission = HttpJson
				.json(Map.of("channel", "MOBILE_APP", "text", "我在美团跑外卖，站点上个月的配送费3260元一直没有结算，站长说再等等，已经拖了四十多天了。", "phone",
						PHONE, "district", "朝阳区", "stationId", "CY-JXQ-01", "idempotencyKey", "app-20261126-0001"));

			HttpJson.Response accepted = gateway.post("/api/v1/appeals", submission, "X-Correlation-Id", correlationId);
			HttpJson.Response retried = gateway.post("/api/v1/appeals", submission);

			assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
			assertThat(accepted.header("X-Correlation-Id")).isEqualTo(correlationId);
			appealId = accepted.json().get("appealId").asString();
			trackingCode = accepted.json().get("trackingCode").asString();
			assertThat(retried.status()).isEqualTo(202);
			assertThat(retried.json().get("appealId").asString()).isEqualTo(appealId);
			assertThat(retried.json().get("trackingCode").asString()).isEqualTo(trackingCode);

			// Nobody reads anything without signing in; staff sign in with the demo
			// accounts.
			assertThat(gateway.get("/api/v1/departments/HRSS/cases").status()).isEqualTo(401);
			assertThat(gateway.get("/api/v1/appeals/" + trackingCode).status()).isEqualTo(401);
			HttpJson staff = gateway.as(TestStacks.login(gateway, "staff.hrss", null));
			HttpJson transport = gateway.as(TestStacks.login(gateway, "staff.transport", null));
			HttpJson supervisor = gateway.as(TestStacks.login(gateway, "supervisor", null));

			JsonNode openCase = Awaitility.await()
				.atMost(EVENTUALLY)
				.until(() -> findCase(staff, "OPEN", trackingCode), (found) -> found != null);
			caseId = openCase.get("caseId").asString();
			assertThat(openCase.get("category").asString()).isEqualTo("WAGE_ARREARS");
			String caseUrl = "/api/v1/cases/" + caseId;
			assertThat(transport.get(caseUrl).status()).isIn(403, 404);
			assertThat(transport.post(caseUrl + "/sign", "{}").status()).isIn(403, 404);

			// The worker signs in with the code texted to them (read off the SMS
			// stand-in).
			workerToken = workerSignIn(gateway, new HttpJson(stack.smsUrl()), PHONE);
			HttpJson worker = gateway.as(workerToken);
			assertThat(worker.get("/api/v1/appeals/" + trackingCode).json().get("status").asString()).isIn("ROUTED",
					"OPEN");
			String otherCode = gateway
				.post("/api/v1/appeals",
						HttpJson.json(Map.of("channel", "WEB", "text", "站点押金不退", "phone", "13900001111")))
				.json()
				.get("trackingCode")
				.asString();
			assertThat(worker.get("/api/v1/appeals/" + otherCode).status()).isIn(403, 404);

			HttpJson.Response signed = staff.post(caseUrl + "/sign", "{}");
			HttpJson.Response asked = staff.post(caseUrl + "/info-requests",
					HttpJson.json(Map.of("text", "请提供与站点的聊天记录截图。")));
			assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
			assertThat(signed.json().get("signedBy").asString()).isEqualTo("staff.hrss");
			assertThat(asked.status()).as(asked.toString()).isEqualTo(200);
			Awaitility.await()
				.atMost(EVENTUALLY)
				.until(() -> worker.get("/api/v1/appeals/" + trackingCode).json(),
						(view) -> view.get("question") != null && !view.get("question").isNull());
			HttpJson.Response answered = worker.post("/api/v1/appeals/" + trackingCode + "/answers",
					HttpJson.json(Map.of("answer", "聊天记录已上传。")));
			assertThat(answered.status()).as(answered.toString()).isEqualTo(202);
			Awaitility.await()
				.atMost(EVENTUALLY)
				.until(() -> staff.get(caseUrl).json().get("status").asString(), "IN_PROGRESS"::equals);
			HttpJson.Response contact = staff.get("/api/v1/appeals/" + trackingCode + "/contact");
			assertThat(contact.status()).as(contact.toString()).isEqualTo(200);
			assertThat(contact.json().get("phone").asString()).isEqualTo(PHONE);
			HttpJson.Response resolved = staff.post(caseUrl + "/resolve",
					HttpJson.json(Map.of("resolution", "经约谈，站点已将拖欠的配送费3260元足额支付。")));
			assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
			Awaitility.await()
				.atMost(EVENTUALLY)
				.until(() -> worker.get("/api/v1/appeals/" + trackingCode).json().get("canRate").asBoolean());
			HttpJson.Response rated = worker.post("/api/v1/appeals/" + trackingCode + "/rating",
					HttpJson.json(Map.of("rating", "SATISFIED", "comment", "钱到账了，谢谢。")));
			assertThat(rated.status()).as(rated.toString()).isEqualTo(202);

			JsonNode tracking = Awaitility.await()
				.atMost(EVENTUALLY)
				.until(() -> worker.get("/api/v1/appeals/" + trackingCode).json(),
						(view) -> view.get("status").asString().equals("CLOSED"));
			assertThat(tracking.get("timeline").findValuesAsString("status")).containsExactly("SUBMITTED", "ROUTED",
					"OPEN", "SIGNED", "WAITING_FOR_WORKER", "IN_PROGRESS", "RESOLVED", "RATED", "CLOSED");
			assertThat(tracking.get("departmentName").asString()).isEqualTo("人力资源和社会保障局");
			assertThat(tracking.get("resolution").asString()).contains("3260");
			JsonNode notifications = Awaitility.await()
				.atMost(EVENTUALLY)
				.until(() -> worker.get("/api/v1/notifications?appealId=" + appealId).json(),
						(list) -> list.size() == 6);
			assertThat(notifications.findValuesAsString("template")).containsExactly("appeal.submitted", "case.opened",
					"case.signed", "case.info-requested", "case.resolved", "case.closed");
			String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
			JsonNode kpis = supervisor.get("/api/v1/kpis?from=" + today + "&to=" + today).json();
			assertThat(kpis.get("total").get("closed").asLong()).isEqualTo(1);
			assertThat(kpis.get("total").get("satisfactionRate").asDouble()).isEqualTo(1.0);
			assertThat(staff.get("/api/v1/kpis?from=" + today + "&to=" + today).status()).isEqualTo(403);
			assertThat(supervisor.get("/api/v1/audit/contact-reads?trackingCode=" + trackingCode)
				.json()
				.findValuesAsString("actor")).containsExactly("staff.hrss");
			HttpJson admin = gateway.as(TestStacks.login(gateway, "admin", TestStacks.adminCode()));
			assertThat(admin.get("/api/v1/admin/accounts/staff.hrss").json().get("department").asString())
				.isEqualTo("HRSS");
			assertThat(gateway.post("/api/v1/appeals", "{\"channel\":\"WEB\"}").status()).isEqualTo(400);
			assertThat(stack.gatewayUrl()).endsWith(":" + config.gatewayPort());
			for (int port : List.of(config.identityPort(), config.intakePort(), config.routingPort(),
					config.departmentPort(), config.notificationPort(), config.gatewayPort())) {
				HttpJson service = new HttpJson("http://127.0.0.1:" + port);
				assertThat(service.get("/actuator/health/liveness").status()).isEqualTo(200);
				assertThat(service.get("/actuator/health/readiness").status()).isEqualTo(200);
				assertThat(service.get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
				assertListensOnLoopbackOnly(port);
			}
			// The correlation id the client sent is in the log lines of every service the
			// appeal went through, carried there by the Kafka records' headers.
			for (String service : List.of("intake-service", "routing-service", "department-service")) {
				Awaitility.await()
					.atMost(EVENTUALLY)
					.untilAsserted(() -> assertThat(
							Files.readString(config.logDir().resolve(service + ".log"), StandardCharsets.UTF_8))
						.as(service + " log")
						.contains("[" + correlationId + "]"));
			}
		}

		try (Stack restarted = new Stack(config, System.out).start()) {
			HttpJson gateway = new HttpJson(restarted.gatewayUrl());
			// The worker's sign-in still holds: keys and sign-ins are kept in the store.
			HttpJson worker = gateway.as(workerToken);

			JsonNode tracking = worker.get("/api/v1/appeals/" + trackingCode).json();
			assertThat(tracking.get("status").asString()).isEqualTo("CLOSED");
			assertThat(tracking.get("timeline")).hasSize(9);
			HttpJson staff = gateway.as(TestStacks.login(gateway, "staff.hrss", null));
			assertThat(staff.get("/api/v1/cases/" + caseId).json().get("status").asString()).isEqualTo("CLOSED");
			assertThat(worker.get("/api/v1/notifications?appealId=" + appealId).json()).hasSize(6);
			String next = gateway
				.post("/api/v1/appeals",
						HttpJson.json(Map.of("channel", "SMS", "text", "驿站的微波炉坏了一个星期了，中午热不了饭", "phone", "13900002222")))
				.json()
				.get("trackingCode")
				.asString();
			HttpJson community = gateway.as(TestStacks.login(gateway, "staff.community", null));
			HttpJson triage = gateway.as(TestStacks.login(gateway, "triage", null));
			Awaitility.await()
				.atMost(EVENTUALLY)
				.until(() -> Collections.singletonList(
						(findCase(community, "OPEN", next) != null) ? "found" : findCase(triage, "OPEN", next)),
						(found) -> found.get(0) != null);

			textsAnAppealAndRatesItByText(gateway, new HttpJson(restarted.smsUrl()));
			filesAndFollowsAnAppealThroughOpen311(gateway, new HttpJson(restarted.smsUrl()));
		}
	}

	/**
	 * An Open311 client, holding a key an administrator issued, files a request (form
	 * encoded, as GeoReport v2 has it) and follows it to its department and deadline; the
	 * worker is texted the tracking code.
	 */
	private static void filesAndFollowsAnAppealThroughOpen311(HttpJson gateway, HttpJson sms) throws Exception {
		HttpJson admin = gateway.as(TestStacks.login(gateway, "admin", TestStacks.adminCode()));
		HttpJson.Response issued = admin.post("/api/v1/admin/open311-clients",
				HttpJson.json(Map.of("name", "区总工会服务小程序")));
		assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
		String key = issued.json().get("apiKey").asString();
		assertThat(gateway.get("/open311/v2/services.json").json().findValuesAsString("service_code"))
			.contains("WAGE_ARREARS", "REST_STATION");
		String phone = "13577778888";
		HttpJson.Response filed = gateway.request("POST", "/open311/v2/requests.json",
				"application/x-www-form-urlencoded",
				"api_key=" + key + "&service_code=WAGE_ARREARS&phone=" + phone + "&address_string="
						+ java.net.URLEncoder.encode("北京市朝阳区望京街道", java.nio.charset.StandardCharsets.UTF_8)
						+ "&description=" + java.net.URLEncoder.encode("配送站拖欠我上个月的工资3600元，站长说平台没结算。",
								java.nio.charset.StandardCharsets.UTF_8));
		assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
		String code = filed.json().get(0).get("service_request_id").asString();
		JsonNode request = Awaitility.await()
			.atMost(EVENTUALLY)
			.until(() -> gateway.get("/open311/v2/requests/" + code + ".json?api_key=" + key).json().get(0),
					(found) -> !found.get("expected_datetime").isNull());
		assertThat(request.get("status").asString()).isEqualTo("open");
		assertThat(request.get("agency_responsible").asString()).isEqualTo("人力资源和社会保障局");
		Awaitility.await()
			.atMost(EVENTUALLY)
			.until(() -> sms.get("/sms?to=" + phone).json().findValuesAsString("text"),
					(texts) -> texts.stream().anyMatch((text) -> text.contains(code)));
	}

	/**
	 * A courier texts the SMS number (the provider's webhook, signed): the appeal is
	 * filed and its tracking code comes back by SMS; once resolved, "1" rates it and the
	 * rating reaches the case.
	 */
	private static void textsAnAppealAndRatesItByText(HttpJson gateway, HttpJson sms) {
		String phone = "13566667777";
		String body = HttpJson.json(Map.of("from", phone, "text", "快递站点拖欠我三个月工资一千二百元，站长一直推脱不给。", "messageId",
				"e2e-sms-" + UUID.randomUUID()));
		HttpJson.Response filed = gateway.post("/api/v1/channels/sms/inbound", body, "X-Signature",
				TestStacks.smsSignature(body));
		HttpJson.Response forged = gateway.post("/api/v1/channels/sms/inbound", body, "X-Signature",
				"sha256=" + "0".repeat(64));
		assertThat(filed.status()).as(filed.toString()).isEqualTo(200);
		assertThat(filed.json().get("action").asString()).isEqualTo("SUBMITTED");
		assertThat(forged.status()).isEqualTo(401);
		String code = filed.json().get("trackingCode").asString();
		Awaitility.await()
			.atMost(EVENTUALLY)
			.until(() -> sms.get("/sms?to=" + phone).json().findValuesAsString("text"),
					(texts) -> texts.stream().anyMatch((text) -> text.contains(code) && text.contains("已受理")));

		HttpJson supervisor = gateway.as(TestStacks.login(gateway, "supervisor", null));
		JsonNode opened = Awaitility.await().atMost(EVENTUALLY).until(() -> {
			for (JsonNode item : supervisor.get("/api/v1/cases?size=100").json().get("items")) {
				if (item.get("trackingCode").asString().equals(code)) {
					return item;
				}
			}
			return null;
		}, (found) -> found != null);
		String caseUrl = "/api/v1/cases/" + opened.get("caseId").asString();
		HttpJson staff = gateway.as(TestStacks.login(gateway,
				"staff." + opened.get("department").asString().toLowerCase(java.util.Locale.ROOT), null));
		assertThat(staff.post(caseUrl + "/sign", "{}").status()).isEqualTo(200);
		HttpJson.Response resolved = staff.post(caseUrl + "/resolve",
				HttpJson.json(Map.of("resolution", "经约谈，站点已将拖欠的工资1200元足额支付给您。")));
		assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
		Awaitility.await()
			.atMost(EVENTUALLY)
			.until(() -> sms.get("/sms?to=" + phone).json().findValuesAsString("text"), (texts) -> texts.stream()
				.anyMatch((text) -> text.contains(code) && text.contains("办结") && text.contains("回复1满意")));

		JsonNode rating = Awaitility.await().atMost(EVENTUALLY).until(() -> {
			String reply = HttpJson
				.json(Map.of("from", phone, "text", "1", "messageId", "e2e-sms-" + UUID.randomUUID()));
			return gateway.post("/api/v1/channels/sms/inbound", reply, "X-Signature", TestStacks.smsSignature(reply))
				.json();
		}, (answer) -> answer.get("action").asString().equals("RATED"));
		assertThat(rating.get("trackingCode").asString()).isEqualTo(code);
		Awaitility.await()
			.atMost(EVENTUALLY)
			.until(() -> supervisor.get(caseUrl).json().get("rating"),
					(value) -> value.isString() && value.asString().equals("SATISFIED"));
	}

	private static String workerSignIn(HttpJson gateway, HttpJson sms, String phone) {
		HttpJson.Response sent = gateway.post("/api/v1/auth/otp", HttpJson.json(Map.of("phone", phone)));
		assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
		String code = TestStacks.textedCode(sms, phone);
		HttpJson.Response verified = gateway.post("/api/v1/auth/otp/verify",
				HttpJson.json(Map.of("phone", phone, "code", code)));
		assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
		return verified.json().get("token").asString();
	}

	/** Nothing answers on the machine's other addresses: only loopback is bound. */
	private static void assertListensOnLoopbackOnly(int port) throws IOException {
		for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
			for (InetAddress address : Collections.list(network.getInetAddresses())) {
				if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
					try (Socket socket = new Socket()) {
						socket.connect(new InetSocketAddress(address, port), 500);
						throw new AssertionError("Port " + port + " answers on " + address);
					}
					catch (IOException expected) {
						// Refused: not listening there.
					}
				}
			}
		}
	}

	private static JsonNode findCase(HttpJson gateway, String status, String trackingCode) {
		for (String department : List.of("HRSS", "COMMUNITY", "TRIAGE")) {
			HttpJson.Response queue = gateway
				.get("/api/v1/departments/" + department + "/cases?status=" + status + "&size=100");
			if (queue.status() != 200) {
				continue;
			}
			for (JsonNode item : queue.json().get("items")) {
				if (item.get("trackingCode").asString().equals(trackingCode)) {
					return item;
				}
			}
		}
		return null;
	}

}
