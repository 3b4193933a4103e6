package org.waystation.department.cases;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Looks at regular intervals for cases whose next SLA milestone has passed and fires it
 * (warning at 50 % and 80 %, breach and escalation at 100 %). What fired is kept on the
 * case, written with the events in one compare-and-set, so a restart (or a second
 * instance) never fires a milestone twice, and the first round after a restart catches up
 * on everything missed while down.
 */
@Component
class SlaMonitor implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SlaMonitor.class);

	private static final int BATCH = 500;

	private final CaseService cases;

	private final CaseProperties properties;

	private ScheduledExecutorService executor;

	SlaMonitor(CaseService cases, CaseProperties properties) {
		this.cases = cases;
		this.properties = properties;
	}

	/** One round: every case with a milestone due. */
	int checkDue() {
		int checked = 0;
		List<String> due;
		do {
			due = this.cases.dueForSlaCheck(BATCH);
			for (String caseId : due) {
				try {
					this.cases.checkSla(caseId);
				}
				catch (RuntimeException ex) {
					log.warn("SLA check of case {} failed, retried next round: {}", caseId, ex.getMessage());
				}
			}
			checked += due.size();
		}
		while (due.size() == BATCH && checked < 50 * BATCH);
		return checked;
	}

	@Override
	public void start() {
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "sla-monitor");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.properties.slaCheckInterval().toMillis();
		this.executor.scheduleWithFixedDelay(() -> {
			try {
				checkDue();
			}
			catch (RuntimeException ex) {
				log.warn("SLA monitor round failed: {}", ex.getMessage());
			}
		}, 0, interval, TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			try {
				this.executor.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null && !this.executor.isShutdown();
	}

}
