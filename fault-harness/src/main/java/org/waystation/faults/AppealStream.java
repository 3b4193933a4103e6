package org.waystation.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A steady stream of appeals through the gateway: three of four by the web form, one of
 * four by text message through the signed SMS webhook (so that its worker is texted at
 * every step). Each has a phone of its own, so none is a duplicate of another. Only an
 * appeal that got its acceptance (202 from the form, 200 with a tracking code from the
 * webhook) counts: the checks hold the stack to every one of them.
 */
final class AppealStream implements AutoCloseable {

	/** The SMS webhook's secret in the local stack. */
	static final String SMS_SECRET = "waystation-demo";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> TEXTS = List.of("站点拖欠我两个月的配送费，一共四千六百元，站长一直说下个月发。", "驿站的饮水机坏了一个星期了，夏天骑手没地方接水。",
			"平台把三公里的配送时间压到十八分钟，超时一单扣三块。", "送餐途中电动车被撞，膝盖擦伤，想问职业伤害保障怎么申请。", "孩子明年上小学，没有本地户口，随迁子女入学要准备什么材料？",
			"快递网点要求我们签自愿放弃社保的承诺书，不签就不派件。", "小区物业不让快递三轮车进门，只能停路边，又被贴条。", "想考叉车证转岗去物流园，政府有补贴的培训班吗？");

	private final String gateway;

	private final int rate;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

	private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();

	private final ExecutorService senders = Executors.newFixedThreadPool(8);

	private final ConcurrentLinkedQueue<Accepted> accepted = new ConcurrentLinkedQueue<>();

	private final AtomicLong sequence = new AtomicLong();

	private final AtomicInteger refused = new AtomicInteger();

	private final long phoneBase;

	AppealStream(String gateway, int rate) {
		this.gateway = gateway;
		this.rate = rate;
		// Phones of this run only: 139 and eight digits from the clock.
		this.phoneBase = 13900000000L + (System.currentTimeMillis() / 1000 % 5000) * 10000;
	}

	void start() {
		this.ticker.scheduleAtFixedRate(() -> this.senders.execute(this::submitOne), 0, 1_000_000 / this.rate,
				TimeUnit.MICROSECONDS);
	}

	int acceptedCount() {
		return this.accepted.size();
	}

	int refusedCount() {
		return this.refused.get();
	}

	List<Accepted> accepted() {
		return List.copyOf(this.accepted);
	}

	private void submitOne() {
		long n = this.sequence.incrementAndGet();
		String phone = String.valueOf(this.phoneBase + n);
		String text = TEXTS.get((int) (n % TEXTS.size())) + "（第" + n + "号）";
		boolean bySms = n % 4 == 0;
		try {
			HttpResponse<String> response = bySms ? sms(phone, text, n) : web(phone, text);
			JsonNode body = (response.body() != null && response.body().startsWith("{"))
					? JSON.readTree(response.body()) : null;
			boolean ok = bySms ? response.statusCode() == 200 && body != null && body.path("trackingCode").isString()
					: response.statusCode() == 202 && body != null && body.path("trackingCode").isString();
			if (ok) {
				this.accepted.add(new Accepted(body.get("trackingCode").asString(), phone, bySms, Instant.now()));
			}
			else {
				this.refused.incrementAndGet();
			}
		}
		catch (IOException | RuntimeException ex) {
			// Not accepted (the stack is down or restarting): not counted.
			this.refused.incrementAndGet();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private HttpResponse<String> web(String phone, String text) throws IOException, InterruptedException {
		Map<String, String> appeal = new LinkedHashMap<>();
		appeal.put("channel", "WEB");
		appeal.put("text", text);
		appeal.put("phone", phone);
		appeal.put("district", "朝阳区");
		return post("/api/v1/appeals", JSON.writeValueAsString(appeal), null);
	}

	private HttpResponse<String> sms(String phone, String text, long n) throws IOException, InterruptedException {
		Map<String, String> message = new LinkedHashMap<>();
		message.put("from", phone);
		message.put("text", text);
		message.put("messageId", "fault-run-" + this.phoneBase + "-" + n);
		String body = JSON.writeValueAsString(message);
		return post("/api/v1/channels/sms/inbound", body, "sha256=" + hmac(body));
	}

	private HttpResponse<String> post(String path, String body, String signature)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.gateway + path))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (signature != null) {
			request.header("X-Signature", signature);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String hmac(String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(SMS_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Stops sending and waits for the requests under way. */
	@Override
	public void close() throws InterruptedException {
		this.ticker.shutdownNow();
		this.senders.shutdown();
		this.senders.awaitTermination(30, TimeUnit.SECONDS);
	}

	/** An appeal the stack acknowledged. */
	record Accepted(String trackingCode, String phone, boolean bySms, Instant at) {

	}

}
