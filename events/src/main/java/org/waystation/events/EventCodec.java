package org.waystation.events;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes events as flat JSON objects with a logical {@code type} field and reads them
 * back. Unknown fields are ignored and missing ones read as empty, so additive changes
 * need no new version; an unknown type is reported as empty, so that older consumers skip
 * events added after them; a schema version newer than this build reads is refused (see
 * the events module's README).
 */
public final class EventCodec {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
		.build();

	private EventCodec() {
	}

	public static String toJson(DomainEvent event) {
		ObjectNode node = MAPPER.createObjectNode();
		node.put("type", event.type());
		node.setAll((ObjectNode) MAPPER.valueToTree(event));
		return MAPPER.writeValueAsString(node);
	}

	public static byte[] toBytes(DomainEvent event) {
		return toJson(event).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Reads an event.
	 * @return the event, or empty when its type is not one this version knows
	 * @throws MalformedEventException when the bytes are not a readable event
	 */
	public static Optional<Event> fromBytes(byte[] bytes) {
		if (bytes == null) {
			throw new MalformedEventException("Event record has no value");
		}
		return fromJson(new String(bytes, StandardCharsets.UTF_8));
	}

	/**
	 * Reads an event a consumer handles only one type (or one family) of.
	 * @return the event, or empty when it is of another type (known or not)
	 * @throws MalformedEventException when the bytes are not a readable event
	 */
	public static <T extends DomainEvent> Optional<T> fromBytes(byte[] bytes, Class<T> type) {
		if (bytes == null) {
			throw new MalformedEventException("Event record has no value");
		}
		return read(new String(bytes, StandardCharsets.UTF_8)).filter(type::isInstance).map(type::cast);
	}

	/**
	 * Reads an appeal event.
	 * @return the event, or empty when its type is not an appeal event this version knows
	 * @throws MalformedEventException when the text is not a readable event
	 */
	public static Optional<Event> fromJson(String json) {
		return read(json).filter(Event.class::isInstance).map(Event.class::cast);
	}

	/**
	 * Reads an event of any family.
	 * @return the event, or empty when its type is not one this version knows
	 * @throws MalformedEventException when the text is not a readable event
	 */
	public static Optional<DomainEvent> read(String json) {
		JsonNode tree;
		try {
			tree = MAPPER.readTree(json);
		}
		catch (JacksonException ex) {
			throw new MalformedEventException("Event is not valid JSON: " + ex.getOriginalMessage(), ex);
		}
		if (tree == null || !tree.isObject()) {
			throw new MalformedEventException("Event is not a JSON object");
		}
		JsonNode type = tree.get("type");
		if (type == null || !type.isString() || type.asString().isBlank()) {
			throw new MalformedEventException("Event has no 'type' field");
		}
		Optional<Class<? extends DomainEvent>> eventClass = EventTypes.classOf(type.asString());
		if (eventClass.isEmpty()) {
			return Optional.empty();
		}
		requireReadableVersion(tree.get("schemaVersion"), type.asString(), eventClass.get());
		DomainEvent event;
		try {
			event = MAPPER.treeToValue(tree, eventClass.get());
		}
		catch (JacksonException ex) {
			throw new MalformedEventException(
					"Event of type " + type.asString() + " cannot be read: " + ex.getOriginalMessage(), ex);
		}
		requirePresent(event.eventId(), "eventId", type);
		requirePresent(event.key(), (event instanceof Event) ? "appealId" : "username", type);
		requirePresent(event.occurredAt(), "occurredAt", type);
		return Optional.of(event);
	}

	/** Reads an event of a known type, for samples and tests. */
	public static <T extends DomainEvent> T fromJson(String json, Class<T> expected) {
		DomainEvent event = read(json)
			.orElseThrow(() -> new MalformedEventException("Not a known event type: " + json));
		if (!expected.isInstance(event)) {
			throw new MalformedEventException("Expected " + EventTypes.nameOf(expected) + " but got " + event.type());
		}
		return expected.cast(event);
	}

	/**
	 * A newer schema version means a breaking change this build does not know: the event
	 * is refused (and, in a listener, dead-lettered after its retries) rather than read
	 * with a meaning it no longer has. Older and equal versions are read.
	 */
	private static void requireReadableVersion(JsonNode version, String type, Class<? extends DomainEvent> eventClass) {
		if (version == null || !version.isIntegralNumber() || version.asInt() < 1) {
			throw new MalformedEventException(
					"Event of type " + type + " has no 'schemaVersion' (a whole number from 1)");
		}
		int readable = EventTypes.schemaVersionOf(eventClass);
		if (version.asInt() > readable) {
			throw new MalformedEventException("Event of type " + type + " has schema version " + version.asInt()
					+ "; this build reads up to version " + readable
					+ ". Upgrade the consumer, then replay the event from the dead-letter topic");
		}
	}

	private static void requirePresent(Object value, String field, JsonNode type) {
		if (value == null || (value instanceof String text && text.isBlank())) {
			throw new MalformedEventException("Event of type " + type.asString() + " has no '" + field + "'");
		}
	}

}
