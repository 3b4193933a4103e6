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

/**
 * Fills a fresh stack with history through its own API, as its people make it: workers
 * (four appeals each on average) submit by the app and the web form, routing and the
 * departments open the cases, and each department's staff (the triage desk for its own)
 * works them as a year of history leaves them: every case but the newest is signed for,
 * resolved with a written answer and closed by the supervisor after the follow-up call
 * (回访), one in ten as not resolved; of the newest (the backlog), a third stay open, a
 * third are signed for, a third are resolved. Notifications follow from the events as
 * they always do.
 */
final class History {

	/** The HRSS demo officer, who works that bureau's cases. */
	static final String OFFICER = "staff.hrss";

	/** The supervisor of every department, who closes the cases after the follow-up. */
	private static final String SUPERVISOR = "supervisor";

	/** What the staff answer, as a resolve request. */
	private static final String RESOLUTION = "{\"resolution\": \"经核查，相关单位已于本周办理完毕，请注意查收；如仍有问题可再次反映。\"}";

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
	 * case, and works the cases, leaving the newest {@code backlog} of them in work.
	 */
	void fill(long appeals, int concurrency, int backlog, PipelineTracker tracker) {
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
		work(tracker.openedCases(), backlog, concurrency);
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

	/**
	 * Works the cases, oldest first: all but the newest {@code backlog} to closure; of
	 * those, a third stay open, a third are signed for, a third resolved.
	 */
	private void work(List<PipelineTracker.OpenedCase> cases, int backlog, int concurrency) {
		int closing = Math.max(0, cases.size() - backlog);
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		AtomicLong failed = new AtomicLong();
		AtomicLong done = new AtomicLong();
		long started = System.nanoTime();
		for (int i = 0; i < cases.size(); i++) {
			PipelineTracker.OpenedCase c = cases.get(i);
			String staff = "TRIAGE".equals(c.department()) ? "triage"
					: "staff." + c.department().toLowerCase(Locale.ROOT);
			int steps = (i < closing) ? 3 : (i - closing) % 3;
			boolean resolved = i % 10 != 0;
			pool.execute(() -> {
				String path = "/api/v1/cases/" + c.caseId();
				boolean ok = steps < 1 || this.api.post(staff, path + "/sign", "{}").ok();
				ok = ok && (steps < 2 || this.api.post(staff, path + "/resolve", RESOLUTION).ok());
				ok = ok && (steps < 3 || this.api
					.post(SUPERVISOR, path + "/close",
							Api.JSON.createObjectNode()
								.put("resolved", resolved)
								.put("reason", resolved ? "回访：诉求人对处理结果满意。" : "回访：诉求人仍有异议，已说明政策依据并引导申请仲裁。")
								.toString())
					.ok());
				if (!ok) {
					failed.incrementAndGet();
				}
				long n = done.incrementAndGet();
				if (n % 10_000 == 0) {
					System.out.printf(Locale.ROOT, "History: %d cases worked, %.0f/s%n", n,
							n / ((System.nanoTime() - started) / 1e9));
				}
			});
		}
		pool.shutdown();
		awaitQuietly(pool);
		System.out.printf(Locale.ROOT,
				"History: %d cases in every department; %d closed, the newest %d left in work (%d refused)%n",
				cases.size(), closing, cases.size() - closing, failed.get());
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
