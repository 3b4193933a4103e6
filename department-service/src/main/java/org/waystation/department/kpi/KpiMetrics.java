package org.waystation.department.kpi;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.waystation.support.rounds.Rounds;

/**
 * Publishes each department's KPIs over the trailing 30 days as gauges with a
 * {@code department} label (waystation_kpi_response_rate, waystation_cases_backlog, ...),
 * for Prometheus and Grafana.
 */
@Component
class KpiMetrics extends Rounds {

	private static final int WINDOW_DAYS = 30;

	private final KpiService kpis;

	private final Clock clock;

	private final Duration interval;

	private final List<Gauge> gauges;

	KpiMetrics(KpiService kpis, MeterRegistry meters, Optional<Clock> clock,
			@Value("${waystation.kpi.metrics-interval:5m}") Duration interval) {
		super("kpi-metrics");
		this.kpis = kpis;
		this.clock = clock.orElse(Clock.systemUTC());
		this.interval = interval;
		this.gauges = List.of(gauge(meters, "waystation.kpi.response.rate", "响应率 over 30 days", KpiRow::responseRate),
				gauge(meters, "waystation.kpi.resolution.rate", "解决率 over 30 days", KpiRow::resolutionRate),
				gauge(meters, "waystation.kpi.satisfaction.rate", "满意率 over 30 days", KpiRow::satisfactionRate),
				gauge(meters, "waystation.kpi.ontime.rate", "On-time rate, open overdue counted late",
						KpiRow::onTimeRate),
				gauge(meters, "waystation.cases.backlog", "Open cases", (row) -> (double) row.backlog()), gauge(meters,
						"waystation.cases.overdue", "Open cases past a deadline", (row) -> (double) row.overdue()));
	}

	private static Gauge gauge(MeterRegistry meters, String name, String description,
			java.util.function.Function<KpiRow, Double> value) {
		return new Gauge(MultiGauge.builder(name).description(description).register(meters), (row) -> {
			Double v = value.apply(row);
			return (v != null) ? v : Double.NaN;
		});
	}

	@Override
	protected Duration interval() {
		return this.interval;
	}

	@Override
	protected void round() {
		refresh();
	}

	void refresh() {
		// Whole days, so that the report reads the days' tallies rather than their cases.
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), KpiService.ZONE);
		List<KpiRow> rows = this.kpis
			.report(today.minusDays(WINDOW_DAYS).atStartOfDay(KpiService.ZONE).toInstant(),
					today.plusDays(1).atStartOfDay(KpiService.ZONE).toInstant(), KpiService.GroupBy.DEPARTMENT, null)
			.rows();
		for (Gauge gauge : this.gauges) {
			gauge.multiGauge()
				.register(rows.stream()
					.map((row) -> MultiGauge.Row.of(Tags.of("department", row.group()),
							gauge.value().applyAsDouble(row)))
					.toList(), true);
		}
	}

	private record Gauge(MultiGauge multiGauge, ToDoubleFunction<KpiRow> value) {

	}

}
