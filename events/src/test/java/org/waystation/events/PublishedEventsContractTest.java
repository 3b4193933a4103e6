package org.waystation.events;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shape an event type has had on the wire still reads. {@code published/<type>/}
 * holds each sample as it was published, the first as {@code 1.json}; a change to a type
 * adds the new shape there (numbered on), and never edits an old one.
 *
 * <p>
 * Read today, an old sample keeps every field it had with the value it had: a field
 * renamed, retyped or dropped would fail here. The only fields allowed to go are those
 * {@link #RETIRED}, which the type still accepts and ignores.
 */
class PublishedEventsContractTest {

	/** Fields a type no longer carries, that older events may still have. */
	private static final Map<String, Set<String>> RETIRED = Map.of();

	private static final JsonMapper JSON = JsonMapper.shared();

	static List<String> publishedSamples() throws IOException {
		List<String> samples = new ArrayList<>();
		for (String type : EventTypes.names()) {
			for (int n = 1; resource(type, n) != null; n++) {
				samples.add(type + "/" + n);
			}
		}
		return samples;
	}

	@ParameterizedTest
	@MethodSource("publishedSamples")
	void anOlderSampleStillReadsWithEveryFieldItHad(String sample) throws IOException {
		String type = sample.substring(0, sample.indexOf('/'));
		String json = read(sample);

		DomainEvent event = EventCodec.read(json).orElseThrow();
		JsonNode before = JSON.readTree(json);
		JsonNode after = JSON.readTree(EventCodec.toJson(event));

		assertThat(event.type()).isEqualTo(type);
		assertThat(event.schemaVersion()).isLessThanOrEqualTo(EventTypes.schemaVersionOf(event.getClass()));
		for (String field : before.propertyNames()) {
			if (RETIRED.getOrDefault(type, Set.of()).contains(field)) {
				continue;
			}
			assertThat(after.has(field)).as(sample + " keeps '" + field + "'").isTrue();
			assertThat(same(before.get(field), after.get(field))).as(sample + " keeps the value of '" + field + "'")
				.isTrue();
		}
	}

	@ParameterizedTest
	@MethodSource("org.waystation.events.EventCodecTest#typeNames")
	void everyTypeHasItsFirstPublishedShapeOnRecord(String type) throws IOException {
		assertThat(resource(type, 1)).as("published/" + type + "/1.json").isNotNull();
	}

	/** Equal, with instants compared as instants (a writer may add or drop fractions). */
	private static boolean same(JsonNode expected, JsonNode actual) {
		if (expected.isString() && actual.isString() && expected.asString().matches("\\d{4}-\\d\\d-\\d\\dT.*Z")) {
			return java.time.Instant.parse(expected.asString()).equals(java.time.Instant.parse(actual.asString()));
		}
		if (expected.isNumber() && actual.isNumber()) {
			return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
		}
		return expected.equals(actual);
	}

	private static String read(String sample) throws IOException {
		try (InputStream in = PublishedEventsContractTest.class.getResourceAsStream("published/" + sample + ".json")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static java.net.URL resource(String type, int n) {
		return PublishedEventsContractTest.class.getResource("published/" + type + "/" + n + ".json");
	}

}
