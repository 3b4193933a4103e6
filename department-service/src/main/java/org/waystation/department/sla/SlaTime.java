package org.waystation.department.sla;

import java.time.Duration;
import java.time.Instant;

/** How time is counted on an SLA clock: in working time, or around the clock. */
public interface SlaTime {

	/** The instant at which the amount of counted time has passed since start. */
	Instant plus(Instant start, Duration amount);

	/** The instant at which the amount of counted time remains before end. */
	Instant minus(Instant end, Duration amount);

	/** The counted time from a to b; negative when b is before a. */
	Duration between(Instant a, Instant b);

	/** Around the clock: plain elapsed time. */
	SlaTime AROUND_THE_CLOCK = new SlaTime() {

		@Override
		public Instant plus(Instant start, Duration amount) {
			return start.plus(amount);
		}

		@Override
		public Instant minus(Instant end, Duration amount) {
			return end.minus(amount);
		}

		@Override
		public Duration between(Instant a, Instant b) {
			return Duration.between(a, b);
		}

	};

}
