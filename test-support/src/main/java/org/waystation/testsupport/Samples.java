package org.waystation.testsupport;

import java.time.Instant;
import java.util.UUID;

import org.waystation.events.Event;
import org.waystation.events.EventCodec;
import org.waystation.events.EventSamples;
import org.waystation.events.EventTypes;

/**
 * The contract samples from the events module, re-addressed to an appeal of the test's
 * own, so that each test works on fresh ids while reading the very documents producers
 * are tested with.
 */
public final class Samples {

	private static final String SAMPLE_APPEAL_ID = "0b8e7c52-3f6a-4d19-8e2b-5c4a9d1f7e30";

	private static final String SAMPLE_TRACKING_CODE = "WS7K3M9Q2X";

	private Samples() {
	}

	/**
	 * The sample of the type with a new event id, occurring now, for the given appeal and
	 * tracking code.
	 */
	public static <T extends Event> T forAppeal(Class<T> type, String appealId, String trackingCode) {
		String json = EventSamples.json(EventTypes.nameOf(type))
			.replace(SAMPLE_APPEAL_ID, appealId)
			.replace(SAMPLE_TRACKING_CODE, trackingCode)
			.replaceFirst("\"eventId\": \"[^\"]+\"", "\"eventId\": \"" + UUID.randomUUID() + "\"")
			.replaceFirst("\"occurredAt\": \"[^\"]+\"", "\"occurredAt\": \"" + Instant.now() + "\"");
		return EventCodec.fromJson(json, type);
	}

	/** The sample of the type with a new event id, appeal id and tracking code. */
	public static <T extends Event> T fresh(Class<T> type) {
		return forAppeal(type, UUID.randomUUID().toString(),
				"WS" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace('0', '2').replace('1', '3'));
	}

}
