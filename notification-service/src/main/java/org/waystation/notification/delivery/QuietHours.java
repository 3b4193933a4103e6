package org.waystation.notification.delivery;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The hours in which workers get no text message (22:00 to 07:00 in the appeals' time
 * zone unless configured otherwise), URGENT appeals excepted. A message due then waits
 * for the end of them; it is delayed, never dropped. Sign-in codes do not pass through
 * here.
 *
 * @param start when quiet hours begin, local time
 * @param end when they end; before {@code start} for a night that spans midnight; equal
 * to {@code start} for no quiet hours at all
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

	/** When a message due at this instant may be sent, if not now. */
	public Optional<Instant> endOf(Instant at) {
		if (this.start.equals(this.end)) {
			return Optional.empty();
		}
		LocalDateTime local = LocalDateTime.ofInstant(at, this.zone);
		LocalTime time = local.toLocalTime();
		boolean overnight = this.end.isBefore(this.start);
		boolean quiet = overnight ? (!time.isBefore(this.start) || time.isBefore(this.end))
				: (!time.isBefore(this.start) && time.isBefore(this.end));
		if (!quiet) {
			return Optional.empty();
		}
		LocalDateTime end = local.toLocalDate().atTime(this.end);
		if (!end.isAfter(local)) {
			end = end.plusDays(1);
		}
		return Optional.of(end.atZone(this.zone).toInstant());
	}

}
