package org.waystation.benchmark;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.HdrHistogram.Histogram;

/**
 * The reads people make all day, each timed through the gateway one after another: the
 * officer's queue (first page of every status by deadline; and as the staff screen loads
 * it, the active cases with the counts of each working queue), a case file, the worker's
 * tracking view and the supervisors' KPIs for today by department.
 */
final class ReadPaths {

	static final String QUEUE = "staff queue, HRSS first page";

	static final String SCREEN_QUEUE = "staff screen's queue, HRSS active, 50";

	static final String SCREEN_COUNTS = "staff screen's queue counts, HRSS";

	static final String CASE_FILE = "case file";

	static final String TRACKING = "worker's tracking view";

	static final String KPIS = "KPI query, today by department";

	/** The supervisor of every department (a demo account). */
	private static final String SUPERVISOR = "supervisor";

	private ReadPaths() {
	}

	/**
	 * @param samples timed calls per read, after one untimed
	 * @param worker the phone of a worker with an appeal
	 * @param trackingCode that appeal's tracking code
	 */
	static Map<String, Percentiles> measure(Api api, int samples, String worker, String trackingCode) {
		List<String> cases = new ArrayList<>();
		api.get(History.OFFICER, "/api/v1/departments/HRSS/cases?size=100")
			.json()
			.path("items")
			.forEach((item) -> cases.add(item.path("caseId").asString()));
		String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
		Map<String, Percentiles> reads = new LinkedHashMap<>();
		reads.put(QUEUE, time(samples, (i) -> api.get(History.OFFICER, "/api/v1/departments/HRSS/cases?size=20")));
		reads.put(SCREEN_QUEUE, time(samples, (i) -> api.get(History.OFFICER, "/api/v1/departments/HRSS/cases?size=50"
				+ "&status=OPEN&status=SIGNED&status=IN_PROGRESS&status=WAITING_FOR_WORKER&status=REOPENED")));
		reads.put(SCREEN_COUNTS, time(samples, (i) -> api.get(History.OFFICER, "/api/v1/departments/HRSS/queues")));
		if (!cases.isEmpty()) {
			reads.put(CASE_FILE,
					time(samples, (i) -> api.get(History.OFFICER, "/api/v1/cases/" + cases.get(i % cases.size()))));
		}
		reads.put(TRACKING, time(samples, (i) -> api.get("worker:" + worker, "/api/v1/appeals/" + trackingCode)));
		reads.put(KPIS, time(samples,
				(i) -> api.get(SUPERVISOR, "/api/v1/kpis?from=" + today + "&to=" + today + "&groupBy=department")));
		return reads;
	}

	private static Percentiles time(int samples, IntFunction<Api.Answer> call) {
		Api.Answer first = call.apply(0);
		if (!first.ok()) {
			throw new IllegalStateException("A read the benchmark times was refused: " + first);
		}
		Histogram histogram = Percentiles.histogram();
		for (int i = 0; i < samples; i++) {
			long start = System.nanoTime();
			Api.Answer answer = call.apply(i);
			long micros = (System.nanoTime() - start) / 1000;
			if (!answer.ok()) {
				throw new IllegalStateException("A read the benchmark times was refused: " + answer);
			}
			histogram.recordValue(micros);
		}
		return Percentiles.of(histogram);
	}

}
