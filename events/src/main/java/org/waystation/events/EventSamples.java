package org.waystation.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One JSON sample per event type, shipped with the contracts so that the producer's tests
 * and every consumer's tests read the same document.
 */
public final class EventSamples {

	private EventSamples() {
	}

	/** The sample document of a logical type name, as it travels on the wire. */
	public static String json(String typeName) {
		String resource = "samples/" + typeName + ".json";
		try (InputStream in = EventSamples.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalArgumentException("No sample for event type " + typeName);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static <T extends DomainEvent> T event(Class<T> type) {
		return EventCodec.fromJson(json(EventTypes.nameOf(type)), type);
	}

}
