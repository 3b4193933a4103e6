package org.waystation.department.kpi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Publishes each department's KPIs over the trailing 30 days as gauges with a
 * {@code department} label (waystation_kpi_response_rate, waystation_cases_backlog, ...),
 * for Prometheus and Grafana.
 */
@Component
class KpiMetrics implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(KpiMetrics.class);

	private static final Duration WINDOW = Duration.ofDays(30);

	private final KpiService kpis;

	private final Clock clock;

	private final Duration interval;

	private final List<Gauge> gauges;

	private ScheduledExecutorService executor;

	KpiMetrics(KpiService kpis, MeterRegistry meters, Optional<Clock> clock,
			@Value("${waystation.kpi.metrics-interval:5m}") Duration interval) {
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

	void refresh() {
		Instant now = this.clock.instant();
		List<KpiRow> rows = this.kpis.report(now.minus(WINDOW), now.plusSeconds(1), KpiService.GroupBy.DEPARTMENT, null)
			.rows();
		for (Gauge gauge : this.gauges) {
			gauge.multiGauge()
				.register(rows.stream()
					.map((row) -> MultiGauge.Row.of(Tags.of("department", row.group()),
							gauge.value().applyAsDouble(row)))
					.toList(), true);
		}
	}

	@Override
	public void start() {
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "kpi-metrics");
			thread.setDaemon(true);
			return thread;
		});
		this.executor.scheduleWithFixedDelay(() -> {
			try {
				refresh();
			}
			catch (RuntimeException ex) {
				log.warn("KPI metrics refresh failed: {}", ex.getMessage());
			}
		}, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null && !this.executor.isShutdown();
	}

	private record Gauge(MultiGauge multiGauge, ToDoubleFunction<KpiRow> value) {

	}

}
