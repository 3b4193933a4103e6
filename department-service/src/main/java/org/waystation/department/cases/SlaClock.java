package org.waystation.department.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.waystation.department.sla.SlaTime;

/**
 * One running SLA clock of a case (sign for, or resolve), and its milestones: warnings at
 * 50 % and 80 % of the time allowed, the breach at 100 %, each placed in the clock's own
 * time (working hours or around the clock). A milestone fires once; its key stays on the
 * case.
 *
 * @param name {@code SIGN} or {@code RESOLVE}, as the SLA events name the clock
 * @param keyPrefix what the keys of fired milestones start with: a reopened case's new
 * resolve cycle fires its milestones again
 * @param allowed the time allowed
 * @param dueAt the deadline
 */
record SlaClock(String name, String keyPrefix, Duration allowed, Instant dueAt) {

	/** The milestones, in per cent of the time allowed: two warnings, then the breach. */
	static final int[] THRESHOLDS = { 50, 80, 100 };

	static SlaClock sign(Duration allowed, Instant dueAt) {
		return new SlaClock("SIGN", "SIGN", allowed, dueAt);
	}

	static SlaClock resolve(int cycle, Duration allowed, Instant dueAt) {
		return new SlaClock("RESOLVE", "RESOLVE#" + cycle, allowed, dueAt);
	}

	/** A point on a clock where a warning or the breach fires. */
	record Milestone(SlaClock clock, int threshold, String key, Instant at) {

		boolean isBreach() {
			return this.threshold >= 100;
		}

	}

	/** The milestones of the given clocks not fired yet whose time has come, in order. */
	static List<Milestone> due(List<SlaClock> clocks, Collection<String> fired, SlaTime time, Instant now) {
		return pending(clocks, fired, time).stream().filter((milestone) -> !milestone.at().isAfter(now)).toList();
	}

	/**
	 * When the earliest milestone not fired yet falls, or {@code null} if none is left.
	 */
	static Instant nextCheck(List<SlaClock> clocks, Collection<String> fired, SlaTime time) {
		return pending(clocks, fired, time).stream().map(Milestone::at).min(Instant::compareTo).orElse(null);
	}

	/**
	 * A deadline moved on by the time its clock stood still (waiting for the worker),
	 * counted the way the clock counts.
	 */
	static Instant resumed(Instant dueAt, Instant pausedAt, Instant now, SlaTime time) {
		return time.plus(dueAt, time.between(pausedAt, now));
	}

	private static List<Milestone> pending(List<SlaClock> clocks, Collection<String> fired, SlaTime time) {
		List<Milestone> pending = new ArrayList<>();
		for (SlaClock clock : clocks) {
			for (int threshold : THRESHOLDS) {
				String key = clock.keyPrefix() + "@" + threshold;
				if (!fired.contains(key)) {
					pending.add(new Milestone(clock, threshold, key, clock.milestone(time, threshold)));
				}
			}
		}
		return pending;
	}

	private Instant milestone(SlaTime time, int threshold) {
		if (threshold >= 100) {
			return this.dueAt;
		}
		return time.minus(this.dueAt, this.allowed.multipliedBy(100 - threshold).dividedBy(100));
	}

}
