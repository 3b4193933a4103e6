package org.waystation.intake.tracking;

import java.util.Optional;

import org.waystation.events.AppealRouted;
import org.waystation.events.AppealSubmitted;
import org.waystation.events.CaseOpened;
import org.waystation.events.CaseResolved;
import org.waystation.events.CaseSigned;
import org.waystation.events.Event;
import org.waystation.intake.appeal.AppealStatus;
import org.waystation.intake.appeal.TimelineEntry;

/**
 * What an event changes in the tracking view: a timeline entry, the status it moves the
 * appeal to (if later than the current one), and the fields it fills in.
 */
record TrackingUpdate(TimelineEntry entry, String category, String department, String caseId, String resolution) {

	/** The update for an event, or empty when the event means nothing to the worker. */
	static Optional<TrackingUpdate> of(Event event) {
		if (event instanceof AppealRouted routed) {
			return Optional.of(new TrackingUpdate(entry(event, AppealStatus.ROUTED, routed.department(), null),
					routed.category(), routed.department(), null, null));
		}
		if (event instanceof CaseOpened opened) {
			return Optional.of(new TrackingUpdate(entry(event, AppealStatus.OPEN, opened.department(), null), null,
					opened.department(), opened.caseId(), null));
		}
		if (event instanceof CaseSigned signed) {
			return Optional.of(new TrackingUpdate(entry(event, AppealStatus.SIGNED, signed.department(), null), null,
					null, null, null));
		}
		if (event instanceof CaseResolved resolved) {
			return Optional.of(new TrackingUpdate(
					entry(event, AppealStatus.RESOLVED, resolved.department(), resolved.resolution()), null, null, null,
					resolved.resolution()));
		}
		if (event instanceof AppealSubmitted) {
			return Optional.empty();
		}
		return Optional.empty();
	}

	AppealStatus status() {
		return this.entry.status();
	}

	private static TimelineEntry entry(Event event, AppealStatus status, String department, String note) {
		return new TimelineEntry(event.eventId().toString(), event.type(), status, event.occurredAt(), department,
				note);
	}

}
