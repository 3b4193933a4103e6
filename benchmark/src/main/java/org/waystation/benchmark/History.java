package org.waystation.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import tools.jackson.databind.JsonNode;

/**
 * Fills a fresh stack with history through its own API, as its people make it: workers
 * (four appeals each on average) submit by the app and the web form, routing and the
 * departments open the cases, and the human resources bureau's officer works its cases: a
 * quarter stay open, a quarter are signed for, half are resolved with a written answer.
 * Notifications follow from the events as they always do.
 */
final class History {

	/** The HRSS demo officer, who works that bureau's cases. */
	static final String OFFICER = "staff.hrss";

	private static final String[] CHANNELS = { "MOBILE_APP", "WEB", "MOBILE_APP", "MOBILE_APP" };

	private static final String[] DISTRICTS = { "朝阳区", "海淀区", "丰台区", "通州区", "大兴区", "昌平区" };

	private final Api api;

	private final AppealTexts texts = AppealTexts.load();

	History(Api api) {
		this.api = api;
	}

	/** The phone of history's i-th worker. */
	static String phone(long worker) {
		return "1391" + String.format(Locale.ROOT, "%07d", worker);
	}

	/**
	 * Submits {@code appeals} appeals with this many in flight, waits until each has its
	 * case, and works the HRSS cases.
	 */
	void fill(long appeals, int concurrency, PipelineTracker tracker) {
		long workers = Math.max(1, appeals / 4);
		List<String> ids = submit(appeals, concurrency, workers);
		System.out.printf(Locale.ROOT, "History: %d appeals accepted; waiting for their cases...%n", ids.size());
		long deadline = System.nanoTime() + Duration.ofSeconds(300 + appeals / 20).toNanos();
		long opened = 0;
		while (System.nanoTime() < deadline) {
			opened = ids.stream().filter((id) -> tracker.of(id) != null && tracker.of(id).complete()).count();
			if (opened == ids.size()) {
				break;
			}
			LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
		}
		if (opened < ids.size()) {
			throw new IllegalStateException("History: only " + opened + " of " + ids.size() + " cases opened in time");
		}
		work(concurrency);
	}

	private List<String> submit(long appeals, int concurrency, long workers) {
		Queue<String> ids = new ConcurrentLinkedQueue<>();
		AtomicLong next = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		long started = System.nanoTime();
		for (int t = 0; t < concurrency; t++) {
			pool.execute(() -> {
				for (long i = next.getAndIncrement(); i < appeals; i = next.getAndIncrement()) {
					String body = Api.JSON.createObjectNode()
						.put("channel", CHANNELS[(int) (i % CHANNELS.length)])
						.put("text", this.texts.get(i))
						.put("phone", phone(i % workers))
						.put("district", DISTRICTS[(int) (i % DISTRICTS.length)])
						.put("idempotencyKey", "history-" + i)
						.toString();
					ids.add(untilAccepted(body));
					if (i % 5000 == 4999) {
						System.out.printf(Locale.ROOT, "History: %d submitted, %.0f/s%n", i + 1,
								(i + 1) / ((System.nanoTime() - started) / 1e9));
					}
				}
			});
		}
		pool.shutdown();
		awaitQuietly(pool);
		return new ArrayList<>(ids);
	}

	/**
	 * Submits until accepted: the appeal's idempotency key makes a retry after a lost
	 * answer the same appeal.
	 */
	private String untilAccepted(String body) {
		for (int attempt = 0;; attempt++) {
			Api.Answer answer = this.api.submit(body);
			if (answer.status() == 202 || answer.status() == 200) {
				return answer.json().path("appealId").asString();
			}
			if (attempt > 50) {
				throw new IllegalStateException("History: an appeal refused 50 times: " + answer);
			}
			LockSupport.parkNanos(Duration.ofMillis(200L * Math.min(attempt + 1, 10)).toNanos());
		}
	}

	/** A quarter of the open HRSS cases stay open, a quarter signed, half resolved. */
	private void work(int concurrency) {
		List<String> open = new ArrayList<>();
		for (int page = 0;; page++) {
			Api.Answer answer = this.api.get(OFFICER,
					"/api/v1/departments/HRSS/cases?status=OPEN&sort=opened&size=100&page=" + page);
			if (!answer.ok()) {
				throw new IllegalStateException("History: the HRSS queue refused: " + answer);
			}
			JsonNode items = answer.json().path("items");
			items.forEach((item) -> open.add(item.path("caseId").asString()));
			if (items.size() < 100) {
				break;
			}
		}
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		AtomicLong failed = new AtomicLong();
		for (int i = 0; i < open.size(); i++) {
			String caseId = open.get(i);
			int kind = i % 4;
			if (kind == 0) {
				continue;
			}
			pool.execute(() -> {
				if (!this.api.post(OFFICER, "/api/v1/cases/" + caseId + "/sign", "{}").ok()) {
					failed.incrementAndGet();
				}
				else if (kind >= 2 && !this.api
					.post(OFFICER, "/api/v1/cases/" + caseId + "/resolve",
							"{\"resolution\": \"经核查，站点已于本周补发拖欠款项，请注意查收；如仍有问题可再次反映。\"}")
					.ok()) {
					failed.incrementAndGet();
				}
			});
		}
		pool.shutdown();
		awaitQuietly(pool);
		System.out.printf(Locale.ROOT, "History: %d HRSS cases; a quarter left open, the rest worked (%d refused)%n",
				open.size(), failed.get());
	}

	private static void awaitQuietly(ExecutorService pool) {
		try {
			if (!pool.awaitTermination(6, TimeUnit.HOURS)) {
				throw new IllegalStateException("History: not filled in six hours");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

}
