package org.waystation.identity.otp;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When codes were sent, for one phone or one client address, and whether one more may go
 * now under a limit: at most {@code count} in {@code window}.
 */
record SendLog(List<Instant> sends) {

	SendLog {
		sends = (sends != null) ? List.copyOf(sends) : List.of();
	}

	/**
	 * How long to wait until one more is within the limit, or empty when it is now.
	 */
	Optional<Duration> waitFor(int count, Duration window, Instant now) {
		List<Instant> recent = this.sends.stream().filter((at) -> at.isAfter(now.minus(window))).sorted().toList();
		if (recent.size() < count) {
			return Optional.empty();
		}
		Instant frees = recent.get(recent.size() - count).plus(window);
		return Optional.of(Duration.between(now, frees));
	}

	/** The sends within the longest window still needed, and one more now. */
	SendLog plus(Instant now, Duration keep) {
		List<Instant> kept = new java.util.ArrayList<>(
				this.sends.stream().filter((at) -> at.isAfter(now.minus(keep))).toList());
		kept.add(now);
		return new SendLog(kept);
	}

}
