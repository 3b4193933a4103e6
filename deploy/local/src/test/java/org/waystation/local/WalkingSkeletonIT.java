package org.waystation.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.waystation.testsupport.HttpJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole stack as {@code ./run.sh} starts it — real Kafka broker, mongo-java-server on
 * disk, every service from its packaged jar — driven through the gateway as a worker and
 * a member of staff would, then stopped and started again to show nothing is lost.
 */
class WalkingSkeletonIT {

	private static final Duration EVENTUALLY = Duration.ofSeconds(60);

	@TempDir
	Path data;

	@Test
	void carriesAnAppealFromSubmissionToResolutionAndKeepsItAcrossARestart() throws IOException {
		StackConfig config = config();
		String appealId;
		String trackingCode;
		String caseId;
		try (Stack stack = new Stack(config, System.out).start()) {
			HttpJson gateway = new HttpJson(stack.gatewayUrl());
			String submission = HttpJson.json(Map.of("channel", "MOBILE_APP", "text",
					"我在美团跑外卖，站点上个月的配送费3260元一直没有结算，站长说再等等，已经拖了四十多天了。", "phone", "13812345678", "district", "朝阳区",
					"stationId", "CY-JXQ-01", "idempotencyKey", "app-20261126-0001"));

			HttpJson.Response accepted = gateway.post("/api/v1/appeals", submission);
			HttpJson.Response retried = gateway.post("/api/v1/appeals", submission);

			assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
			appealId = accepted.json().get("appealId").asString();
			trackingCode = accepted.json().get("trackingCode").asString();
			assertThat(retried.status()).isEqualTo(202);
			assertThat(retried.json().get("appealId").asString()).isEqualTo(appealId);
			assertThat(retried.json().get("trackingCode").asString()).isEqualTo(trackingCode);

			JsonNode openCase = Awaitility.await()
				.atMost(EVENTUALLY)
				.until(() -> findCase(gateway, "OPEN", trackingCode), (found) -> found != null);
			caseId = openCase.get("caseId").asString();
			assertThat(openCase.get("category").asString()).isEqualTo("WAGE_ARREARS");
			assertThat(gateway.get("/api/v1/appeals/" + trackingCode).json().get("status").asString()).isIn("ROUTED",
					"OPEN");

			HttpJson.Response signed = gateway.post("/api/v1/cases/" + caseId + "/sign",
					HttpJson.json(Map.of("staff", "王建国")));
			HttpJson.Response asked = gateway.post("/api/v1/cases/" + caseId + "/info-requests",
					HttpJson.json(Map.of("text", "请提供与站点的聊天记录截图。", "staff", "王建国")));
			assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
			assertThat(asked.status()).as(asked.toString()).isEqualTo(200);
			Awaitility.await()
				.atMost(EVENTUALLY)
				.until(() -> gateway.get("/api/v1/appeals/" + trackingCode).json(),
						(view) -> view.get("question") != null && !view.get("question").isNull());
			HttpJson.Response answered = gateway.post("/api/v1/appeals/" + trackingCode + "/answers",
					HttpJson.json(Map.of("answer", "聊天记录已上传。")));
			assertThat(answered.status()).as(answered.toString()).isEqualTo(202);
			Awaitility.await()
				.atMost(EVENTUALLY)
				.until(() -> gateway.get("/api/v1/cases/" + caseId).json().get("status").asString(),
						"IN_PROGRESS"::equals);
			HttpJson.Response resolved = gateway.post("/api/v1/cases/" + caseId + "/resolve",
					HttpJson.json(Map.of("resolution", "经约谈，站点已将拖欠的配送费3260元足额支付。", "staff", "王建国")));
			assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
			Awaitility.await()
				.atMost(EVENTUALLY)
				.until(() -> gateway.get("/api/v1/appeals/" + trackingCode).json().get("canRate").asBoolean());
			HttpJson.Response rated = gateway.post("/api/v1/appeals/" + trackingCode + "/rating",
					HttpJson.json(Map.of("rating", "SATISFIED", "comment", "钱到账了，谢谢。")));
			assertThat(rated.status()).as(rated.toString()).isEqualTo(202);

			JsonNode tracking = Awaitility.await()
				.atMost(EVENTUALLY)
				.until(() -> gateway.get("/api/v1/appeals/" + trackingCode).json(),
						(view) -> view.get("status").asString().equals("CLOSED"));
			assertThat(tracking.get("timeline").findValuesAsString("status")).containsExactly("SUBMITTED", "ROUTED",
					"OPEN", "SIGNED", "WAITING_FOR_WORKER", "IN_PROGRESS", "RESOLVED", "RATED", "CLOSED");
			assertThat(tracking.get("departmentName").asString()).isEqualTo("人力资源和社会保障局");
			assertThat(tracking.get("resolution").asString()).contains("3260");
			JsonNode notifications = Awaitility.await()
				.atMost(EVENTUALLY)
				.until(() -> gateway.get("/api/v1/notifications?appealId=" + appealId).json(),
						(list) -> list.size() == 6);
			assertThat(notifications.findValuesAsString("template")).containsExactly("appeal.submitted", "case.opened",
					"case.signed", "case.info-requested", "case.resolved", "case.closed");
			String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
			JsonNode kpis = gateway.get("/api/v1/kpis?from=" + today + "&to=" + today).json();
			assertThat(kpis.get("total").get("closed").asLong()).isEqualTo(1);
			assertThat(kpis.get("total").get("satisfactionRate").asDouble()).isEqualTo(1.0);
			assertThat(gateway.post("/api/v1/appeals", "{\"channel\":\"WEB\"}").status()).isEqualTo(400);
			assertThat(stack.gatewayUrl()).endsWith(":" + config.gatewayPort());
			for (int port : List.of(config.intakePort(), config.routingPort(), config.departmentPort(),
					config.notificationPort(), config.gatewayPort())) {
				HttpJson service = new HttpJson("http://127.0.0.1:" + port);
				assertThat(service.get("/actuator/health/liveness").status()).isEqualTo(200);
				assertThat(service.get("/actuator/health/readiness").status()).isEqualTo(200);
				assertThat(service.get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
			}
		}

		try (Stack restarted = new Stack(config, System.out).start()) {
			HttpJson gateway = new HttpJson(restarted.gatewayUrl());

			JsonNode tracking = gateway.get("/api/v1/appeals/" + trackingCode).json();
			assertThat(tracking.get("status").asString()).isEqualTo("CLOSED");
			assertThat(tracking.get("timeline")).hasSize(9);
			assertThat(gateway.get("/api/v1/cases/" + caseId).json().get("status").asString()).isEqualTo("CLOSED");
			assertThat(gateway.get("/api/v1/notifications?appealId=" + appealId).json()).hasSize(6);
			String next = gateway
				.post("/api/v1/appeals",
						HttpJson.json(Map.of("channel", "SMS", "text", "驿站的微波炉坏了一个星期了，中午热不了饭", "phone", "13900002222")))
				.json()
				.get("trackingCode")
				.asString();
			Awaitility.await()
				.atMost(EVENTUALLY)
				.until(() -> findCase(gateway, "OPEN", next), (found) -> found != null);
		}
	}

	private static JsonNode findCase(HttpJson gateway, String status, String trackingCode) {
		for (String department : List.of("HRSS", "COMMUNITY", "TRIAGE")) {
			for (JsonNode item : gateway
				.get("/api/v1/departments/" + department + "/cases?status=" + status + "&size=100")
				.json()
				.get("items")) {
				if (item.get("trackingCode").asString().equals(trackingCode)) {
					return item;
				}
			}
		}
		return null;
	}

	private StackConfig config() throws IOException {
		List<String> args = new ArrayList<>();
		args.add("--home=" + Path.of("").toAbsolutePath().resolve("../..").normalize());
		args.add("--data-dir=" + this.data);
		for (String option : List.of("gateway-port", "intake-port", "routing-port", "department-port",
				"notification-port", "kafka-port", "kafka-controller-port", "mongo-port")) {
			args.add("--" + option + "=" + freePort());
		}
		return StackConfig.from(args.toArray(String[]::new), Map.of());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
