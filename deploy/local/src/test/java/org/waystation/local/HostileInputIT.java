package org.waystation.local;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.waystation.testsupport.HttpJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of hostile requests across the endpoints, sent to the stack as
 * {@code ./run.sh} starts it: malformed and wrongly typed bodies, control and invisible
 * characters, MongoDB operators, unknown codes, numbers and instants out of range, huge
 * and traversing ids, forged signatures. Every one must get a 4xx in JSON that names no
 * Java class, none a 5xx or an HTML page; none of the refused appeals may be stored; the
 * services keep serving. Then poison records written with kcat on every topic must each
 * land in a dead-letter topic with their reason.
 */
class HostileInputIT {

	/** Every hostile appeal is filed under this phone: it must end up with none. */
	private static final String HOSTILE_PHONE = "13900009999";

	@TempDir
	Path data;

	/** One request of the corpus. */
	record Probe(String who, String method, String path, String contentType, byte[] body, boolean toIntake) {

		static Probe get(String who, String path) {
			return new Probe(who, "GET", path, null, null, false);
		}

		static Probe json(String who, String method, String path, String body) {
			return new Probe(who, method, path, "application/json", body.getBytes(StandardCharsets.UTF_8), false);
		}

		/**
		 * An appeal sent to intake-service itself: the gateway limits anonymous appeals.
		 */
		static Probe appeal(byte[] body) {
			return new Probe(null, "POST", "/api/v1/appeals", "application/json", body, true);
		}

		static Probe appeal(String body) {
			return appeal(body.getBytes(StandardCharsets.UTF_8));
		}

	}

	@Test
	void noRequestOfTheCorpusBreaksAServiceOrStoresAnythingMalformed() throws Exception {
		StackConfig config = TestStacks.config(this.data);
		try (Stack stack = new Stack(config, System.out).start()) {
			HttpJson gateway = new HttpJson(stack.gatewayUrl());
			HttpJson intake = new HttpJson("http://127.0.0.1:" + config.intakePort());
			Map<String, String> tokens = new LinkedHashMap<>();
			tokens.put("admin", TestStacks.login(gateway, "admin", TestStacks.adminCode()));
			for (String account : List.of("supervisor", "staff.hrss", "triage", "operator")) {
				tokens.put(account, TestStacks.login(gateway, account, null));
			}
			List<Probe> corpus = corpus();

			Map<Integer, Integer> statuses = new TreeMap<>();
			List<String> wrong = new ArrayList<>();
			for (Probe probe : corpus) {
				HttpJson client = probe.toIntake() ? intake : gateway;
				if (probe.who() != null) {
					client = client.as(tokens.get(probe.who()));
				}
				HttpJson.Response response = (probe.body() != null && probe.method().equals("POST"))
						? client.post(probe.path(), probe.contentType(), probe.body())
						: client.request(probe.method(), probe.path(), probe.contentType(),
								(probe.body() != null) ? new String(probe.body(), StandardCharsets.UTF_8) : null);
				statuses.merge(response.status(), 1, Integer::sum);
				String problem = judge(response);
				if (problem != null) {
					wrong.add(problem
							+ ": " + probe.method() + " " + abbreviate(probe.path()) + " " + ((probe.body() != null)
									? abbreviate(new String(probe.body(), StandardCharsets.UTF_8)) : "")
							+ " -> " + response.status() + " " + abbreviate(response.body()));
				}
			}
			System.out.println("Hostile corpus: " + corpus.size() + " requests, statuses " + statuses);
			assertThat(wrong).as("requests answered wrongly").isEmpty();
			assertThat(corpus).hasSizeGreaterThanOrEqualTo(500);

			// Nothing of the refused appeals was stored: their phone has no appeal.
			assertThat(gateway.post("/api/v1/auth/otp", HttpJson.json(Map.of("phone", HOSTILE_PHONE))).status())
				.isEqualTo(202);
			String code = TestStacks.textedCode(new HttpJson(stack.smsUrl()), HOSTILE_PHONE);
			String worker = gateway
				.post("/api/v1/auth/otp/verify", HttpJson.json(Map.of("phone", HOSTILE_PHONE, "code", code)))
				.json()
				.get("token")
				.asString();
			assertThat(gateway.as(worker).get("/api/v1/appeals").json()).as("appeals stored from the corpus").isEmpty();
			poisonEveryTopic(config, gateway.as(tokens.get("admin")));
			// And the services still serve.
			assertThat(gateway
				.post("/api/v1/appeals",
						HttpJson.json(Map.of("channel", "WEB", "text", "驿站的饮水机坏了", "phone", "13900008888")))
				.status()).isEqualTo(202);
		}
	}

	/**
	 * Records written from outside Java (kcat) that no consumer can read: on every topic,
	 * each lands in its dead-letter topic with the reason, listed for administrators.
	 * Skipped where kcat is not installed, unless {@code WAYSTATION_REQUIRE_KCAT} is set
	 * (CI installs it).
	 */
	private static void poisonEveryTopic(StackConfig config, HttpJson admin) throws Exception {
		if (!kcatInstalled()) {
			assertThat(System.getenv("WAYSTATION_REQUIRE_KCAT")).as("kcat is required here but not installed").isNull();
			System.out.println("kcat is not installed: no poison records sent");
			return;
		}
		List<byte[]> poisons = List.of("not json at all".getBytes(StandardCharsets.UTF_8),
				"{\"type\":\"AppealSubmitted\",\"eventId\":".getBytes(StandardCharsets.UTF_8),
				"{\"type\":\"CaseOpened\",\"eventId\":\"not-a-uuid\",\"occurredAt\":\"yesterday\"}".getBytes(
						StandardCharsets.UTF_8),
				new byte[] { (byte) 0xc3, (byte) 0x28, (byte) 0xff, 0x00, 0x7b });
		Map<String, String> keys = new LinkedHashMap<>();
		int n = 0;
		for (String topic : org.waystation.events.Topics.eventTopics()) {
			String key = "poison-" + topic + "-" + UUID.randomUUID().toString().substring(0, 8);
			keys.put(topic, key);
			Process kcat = new ProcessBuilder("kcat", "-P", "-b", "127.0.0.1:" + config.kafkaPort(), "-t", topic, "-k",
					key)
				.redirectErrorStream(true)
				.start();
			try (java.io.OutputStream in = kcat.getOutputStream()) {
				in.write(poisons.get(n++ % poisons.size()));
			}
			assertThat(kcat.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).as("kcat finished").isTrue();
			assertThat(kcat.exitValue())
				.as("kcat on " + topic + ": " + new String(kcat.getInputStream().readAllBytes()))
				.isZero();
		}
		keys.forEach((topic, key) -> {
			org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(90)).untilAsserted(() -> {
				tools.jackson.databind.JsonNode letters = admin
					.get("/api/v1/admin/dead-letters?topic=" + topic + "&limit=500")
					.json();
				List<tools.jackson.databind.JsonNode> mine = new ArrayList<>();
				letters.forEach((letter) -> {
					if (key.equals(letter.path("key").asString(null))) {
						mine.add(letter);
					}
				});
				assertThat(mine).as("dead letters of the poison on " + topic).isNotEmpty();
				assertThat(mine).allSatisfy((letter) -> {
					assertThat(letter.get("originalTopic").asString()).isEqualTo(topic);
					assertThat(letter.get("reason").asString()).isNotBlank();
				});
			});
		});
		System.out
			.println("Poison records: one on each of " + keys.size() + " topics, each dead-lettered with its reason");
	}

	private static boolean kcatInstalled() {
		try {
			return new ProcessBuilder("kcat", "-V").redirectErrorStream(true).start().waitFor() == 0;
		}
		catch (java.io.IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static String judge(HttpJson.Response response) {
		int status = response.status();
		if (status >= 500) {
			return "a server error";
		}
		if (status == 429) {
			return "rate-limited, so not tested";
		}
		if (status < 400) {
			return "accepted";
		}
		if (response.contentType().contains("html")) {
			return "an HTML page";
		}
		if (response.body().matches("(?s).*(java\\.|javax\\.|jakarta\\.|tools\\.jackson|Exception|\\bat org\\.).*")) {
			return "names a Java class";
		}
		return null;
	}

	private static String abbreviate(String text) {
		String flat = text.replaceAll("\\s+", " ");
		return (flat.length() > 120) ? flat.substring(0, 120) + "…" : flat;
	}

	/** The corpus: several hundred requests that must each be refused. */
	static List<Probe> corpus() {
		List<Probe> corpus = new ArrayList<>();
		// Numbers out of range or of the wrong kind in query parameters.
		List<String> numbers = List.of("-1", "0", "999999999999", "abc", "1.5", "NaN", "%00", "1e9", "%24gt",
				"2147483648", "-2147483649", "1,000", "%2B-1", "%E2%88%9E", "1_000");
		Map<String, String> numbered = new LinkedHashMap<>();
		numbered.put("/api/v1/routing/hot-topics?limit=", "supervisor");
		numbered.put("/api/v1/routing/hot-topics?minAppeals=", "supervisor");
		numbered.put("/api/v1/routing/hot-topics?minWorkers=", "supervisor");
		numbered.put("/api/v1/routing/merge-suggestions?limit=", "triage");
		numbered.put("/api/v1/admin/routing-rules/audit?limit=", "admin");
		numbered.put("/api/v1/audit/contact-reads?limit=", "supervisor");
		numbered.put("/api/v1/admin/security-events?limit=", "admin");
		numbered.put("/api/v1/departments/HRSS/cases?size=", "staff.hrss");
		numbered.put("/api/v1/departments/HRSS/cases?page=", "staff.hrss");
		numbered.put("/api/v1/cases?size=", "supervisor");
		numbered.put("/api/v1/cases?page=", "supervisor");
		numbered.put("/api/v1/channels/operator/appeals?limit=", "operator");
		numbered.put("/api/v1/channels/imports?limit=", "operator");
		numbered.put("/api/v1/notifications/undelivered?limit=", "supervisor");
		numbered.put("/api/v1/notifications/inbox?limit=", "staff.hrss");
		numbered.forEach((path, who) -> numbers.stream()
			.filter((n) -> !(path.contains("page=") && n.equals("0")))
			.forEach((n) -> corpus.add(Probe.get(who, path + n))));
		// Instants and durations out of range.
		List<String> instants = List.of("9999999999-01-01T00:00:00Z", "%2B1000000000-01-01T00:00:00Z",
				"-999999999-01-01T00:00:00Z", "1999-12-31T23:59:59Z", "2026-13-01T00:00:00Z", "P99999999999D", "PT-1H",
				"P-1D", "xyz", "2026-02-30T00:00:00Z");
		Map<String, String> timed = new LinkedHashMap<>();
		timed.put("/api/v1/routing/hot-topics?since=", "supervisor");
		timed.put("/api/v1/routing/merge-suggestions?since=", "triage");
		timed.put("/api/v1/departments/HRSS/cases?dueBefore=", "staff.hrss");
		timed.put("/api/v1/audit/contact-reads?since=", "supervisor");
		timed.put("/api/v1/admin/security-events?since=", "admin");
		timed.put("/api/v1/kpis?from=", "supervisor");
		timed.forEach((path, who) -> instants.stream()
			.filter((t) -> !(path.contains("kpis") && t.startsWith("P")))
			.forEach((t) -> corpus.add(Probe.get(who, path + t))));
		// Unknown codes and operators in query parameters.
		for (String path : List.of("/api/v1/departments/HRSS/cases?status=FOO",
				"/api/v1/departments/HRSS/cases?category=XYZ", "/api/v1/departments/HRSS/cases?priority=MEGA",
				"/api/v1/departments/NOPE/cases", "/api/v1/departments/%24where/cases",
				"/api/v1/departments/HRSS/cases?category=%7B%22%24gt%22%3A%22%22%7D", "/api/v1/cases?status=DONE",
				"/api/v1/kpis?groupBy=colour", "/api/v1/audit/contact-reads?department=%24ne",
				"/api/v1/routing/hot-topics?category=NOPE")) {
			corpus.add(Probe.get(path.contains("departments") ? "staff.hrss" : "supervisor", path));
		}
		// Huge, traversing and operator ids in paths.
		for (String path : List.of("/api/v1/cases/" + "a".repeat(3000), "/api/v1/cases/..%2F..%2Fetc%2Fpasswd",
				"/api/v1/cases/%24where", "/api/v1/cases/%00", "/api/v1/routing/decisions/%24where",
				"/api/v1/routing/decisions/" + "9".repeat(2000), "/api/v1/channels/imports/%7B%7D",
				"/api/v1/appeals/" + "W".repeat(2000) + "/photos", "/api/v1/admin/accounts/..%2Fadmin",
				"/api/v1/admin/routing-rules/%24ne")) {
			corpus.add(Probe.get(path.contains("admin") ? "admin" : "supervisor", path));
		}
		// Appeals: malformed JSON, wrong types, bad characters, operators, unknown codes.
		String phone = "\"" + HOSTILE_PHONE + "\"";
		List<String> appeals = new ArrayList<>(List.of("", "{", "[", "null", "\"text\"", "123", "[]", "{}",
				"{\"channel\":\"WEB\",\"text\":", "{\"channel\":\"WEB\",\"text\":\"工资没发\",\"phone\":" + phone,
				"[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(2000) + "1" + "}".repeat(2000),
				"{\"channel\":\"WEB\",\"channel\":\"SMS\",\"text\":\"工资没发\",\"phone\":" + phone + "}",
				"{\"channel\":\"WEB\",\"text\":\"工资没发\",\"text\":\"改了\",\"phone\":" + phone + "}"));
		for (String text : List.of("123", "true", "false", "1.5", "[\"工资\"]", "{\"$gt\":\"\"}", "null", "\"\"",
				"\"   \"", "\"\\u0000\"", "\"工资\\u0000没发\"", "\"工资\\u001b[31m没发\"", "\"工资\\u0007没发\"",
				"\"工资\\u007f没发\"", "\"\\u200b\\u200b\"", "\"\\u200e\\ufeff\"", "\"工资\\u2028没发\"", "\"\\ud800工资\"",
				"\"工资\\udc00\"", "\"" + "欠".repeat(2001) + "\"", "\"工资\\u202e没发\"")) {
			appeals.add("{\"channel\":\"WEB\",\"text\":" + text + ",\"phone\":" + phone + "}");
		}
		for (String channel : List.of("\"CARRIER_PIGEON\"", "\"web\"", "\"\"", "1", "true", "null", "{\"$ne\":1}",
				"\"WEB \"", "\"WEB\\u0000\"")) {
			appeals.add("{\"channel\":" + channel + ",\"text\":\"工资没发\",\"phone\":" + phone + "}");
		}
		for (String field : List.of("\"district\":{\"$ne\":1}", "\"district\":\"朝阳\\u0000区\"", "\"district\":123",
				"\"district\":\"" + "区".repeat(65) + "\"", "\"stationId\":[\"WJ-07\"]", "\"stationId\":\"WJ\\u0007\"",
				"\"idempotencyKey\":\"has space\"", "\"idempotencyKey\":123",
				"\"idempotencyKey\":\"" + "k".repeat(129) + "\"", "\"photos\":\"none\"",
				"\"photos\":[{\"contentType\":\"image/gif\",\"data\":\"R0lGODlh\"}]",
				"\"photos\":[{\"contentType\":\"image/png\",\"data\":\"not base64!\"}]", "\"photos\":[1,2]",
				"\"$where\":\"1\"", "\"text.$x\":\"1\"")) {
			appeals.add("{\"channel\":\"WEB\",\"text\":\"工资没发\",\"phone\":" + phone + "," + field + "}");
		}
		for (String badPhone : List.of("13900009999", "\"1390000\"", "\"12345678901\"", "\"+1 202 555 0100\"",
				"\"139\\u00000009999\"", "{\"$gt\":\"\"}", "\"" + "1".repeat(40) + "\"", "\"abc\"")) {
			appeals.add("{\"channel\":\"WEB\",\"text\":\"工资没发\",\"phone\":" + badPhone + "}");
		}
		appeals.forEach((body) -> corpus.add(Probe.appeal(body)));
		corpus.add(Probe.appeal(new byte[] { '{', '"', 't', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}' }));
		corpus.add(Probe.appeal(("{\"channel\":\"WEB\",\"text\":\"工资" + "\u0000" + "没发\",\"phone\":" + phone + "}")
			.getBytes(StandardCharsets.UTF_8)));
		// Case actions on a case that does not exist, with bodies that are wrong as well.
		String caseId = "/api/v1/cases/" + UUID.randomUUID();
		for (String action : List.of("sign", "start", "resolve", "reply", "notes", "info-request", "extension",
				"return", "assign", "close", "reopen", "redispatch")) {
			for (String body : List.of("{", "[]", "{\"text\":123}", "{\"resolution\":true}", "{\"text\":\"\\u0000\"}",
					"{\"reason\":{\"$gt\":\"\"}}", "{\"extension\":\"P90D\",\"reason\":\"多给点时间\"}",
					"{\"assignee\":[\"a\"]}", "{\"text\":\"\\u202e\"}", "{\"note\":123}")) {
				corpus.add(Probe.json("staff.hrss", "POST", caseId + "/" + action, body));
			}
		}
		// Service levels and the calendar.
		for (String body : List.of("{}", "{\"signWithin\":\"PT7H\",\"resolveWithin\":\"PT0S\"}",
				"{\"signWithin\":\"P1000Y\",\"resolveWithin\":\"P1000Y\"}",
				"{\"signWithin\":7,\"resolveWithin\":\"PT70H\"}", "{\"signWithin\":\"xx\",\"resolveWithin\":\"PT70H\"}",
				"{\"signWithin\":\"PT-7H\",\"resolveWithin\":\"PT70H\"}")) {
			corpus.add(Probe.json("admin", "PUT", "/api/v1/admin/sla-policies/default", body));
		}
		for (String body : List.of("{\"holidays\":[\"2026-02-30\"],\"workdays\":[]}",
				"{\"holidays\":[null],\"workdays\":[]}", "{\"holidays\":\"2026-10-01\"}",
				"{\"holidays\":[\"\\u0000\"]}", "[]")) {
			corpus.add(Probe.json("admin", "PUT", "/api/v1/admin/calendar", body));
		}
		// Accounts and sign-in.
		for (String body : List.of(
				"{\"username\":\"x\\u0000\",\"name\":\"张三\",\"roles\":[\"STAFF\"],\"department\":\"HRSS\"}",
				"{\"username\":\"hostile.one\",\"name\":\"\\u200b\",\"roles\":[\"STAFF\"],\"department\":\"HRSS\"}",
				"{\"username\":\"hostile.two\",\"name\":\"张三\",\"roles\":[\"GOD\"]}",
				"{\"username\":\"hostile.three\",\"name\":\"张三\",\"roles\":\"STAFF\"}",
				"{\"username\":{\"$ne\":1},\"name\":\"张三\",\"roles\":[\"STAFF\"]}")) {
			corpus.add(Probe.json("admin", "POST", "/api/v1/admin/accounts", body));
		}
		for (String body : List.of("{\"username\":123,\"password\":\"x\"}", "{\"username\":\"a\",\"password\":true}",
				"{\"username\":{\"$gt\":\"\"},\"password\":{\"$gt\":\"\"}}", "{")) {
			corpus.add(new Probe(null, "POST", "/api/v1/auth/login", "application/json",
					body.getBytes(StandardCharsets.UTF_8), false));
		}
		// Routing.
		for (String body : List.of("{\"text\":123}", "{\"text\":\"工资\\u0000\"}",
				"{\"text\":\"x\",\"district\":{\"$gt\":\"\"}}", "{\"text\":\"x\",\"channel\":\"PIGEON\"}")) {
			corpus.add(Probe.json("staff.hrss", "POST", "/api/v1/routing/preview", body));
		}
		for (String body : List.of("{\"category\":\"NOPE\",\"department\":\"HRSS\"}",
				"{\"category\":\"WAGE_ARREARS\",\"department\":\"NOPE\"}",
				"{\"category\":\"WAGE_ARREARS\",\"department\":\"HRSS\",\"district\":\"\\u0000\"}",
				"{\"category\":\"WAGE_ARREARS\",\"department\":\"HRSS\",\"office\":123}")) {
			corpus.add(Probe.json("admin", "POST", "/api/v1/admin/routing-rules", body));
		}
		// The channels: forged webhooks, bad Open311 forms, bad imports.
		for (String path : List.of("/api/v1/channels/sms/inbound", "/api/v1/channels/im/inbound")) {
			for (String body : List.of("{\"from\":\"13900009999\",\"text\":\"伪造\",\"messageId\":\"x\"}", "{", "[]")) {
				corpus.add(new Probe(null, "POST", path, "application/json", body.getBytes(StandardCharsets.UTF_8),
						false));
			}
		}
		for (String form : List.of("service_code=WAGE_ARREARS&phone=13900009999&description=x", "api_key=nope",
				"api_key=ws311_forged&service_code=WAGE_ARREARS&phone=13900009999&description=x")) {
			corpus.add(new Probe(null, "POST", "/open311/v2/requests.json", "application/x-www-form-urlencoded",
					form.getBytes(StandardCharsets.UTF_8), false));
		}
		corpus.add(Probe.get(null, "/open311/v2/requests.json?api_key=%24ne"));
		corpus.add(Probe.get(null, "/open311/v2/services/%24where.json"));
		for (String file : List.of("", "手机号,诉求内容", "姓名\n张三", "PK\u0003\u0004 not a workbook")) {
			corpus.add(new Probe("operator", "POST", "/api/v1/channels/imports?channel=WISH_BOX", "text/csv",
					file.getBytes(StandardCharsets.UTF_8), false));
		}
		corpus.add(new Probe("operator", "POST", "/api/v1/channels/imports?channel=PIGEON", "text/csv",
				"手机号,诉求内容\n13900009999,工资没发".getBytes(StandardCharsets.UTF_8), false));
		for (String body : List.of("{\"channel\":\"WEB\",\"phone\":\"13900009999\",\"summary\":\"x\"}",
				"{\"channel\":\"HOTLINE\",\"phone\":\"13900009999\",\"summary\":\"\\u0000\"}",
				"{\"channel\":\"HOTLINE\",\"phone\":13900009999,\"summary\":\"工资没发\"}")) {
			corpus.add(Probe.json("operator", "POST", "/api/v1/channels/operator/appeals", body));
		}
		return corpus;
	}

}
