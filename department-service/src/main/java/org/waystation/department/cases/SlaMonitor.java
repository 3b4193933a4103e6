package org.waystation.department.cases;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.waystation.support.rounds.Rounds;

/**
 * Looks at regular intervals for cases whose next SLA milestone has passed and fires it
 * (warning at 50 % and 80 %, breach and escalation at 100 %). What fired is kept on the
 * case, written with the events in one compare-and-set, so a restart (or a second
 * instance) never fires a milestone twice, and the first round after a restart catches up
 * on everything missed while down.
 */
@Component
class SlaMonitor extends Rounds {

	private static final Logger log = LoggerFactory.getLogger(SlaMonitor.class);

	private static final int BATCH = 500;

	private final CaseService cases;

	private final CaseProperties properties;

	SlaMonitor(CaseService cases, CaseProperties properties) {
		super("sla-monitor");
		this.cases = cases;
		this.properties = properties;
	}

	@Override
	protected Duration interval() {
		return this.properties.slaCheckInterval();
	}

	@Override
	protected void round() {
		checkDue();
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

}
