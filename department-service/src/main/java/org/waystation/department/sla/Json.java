package org.waystation.department.sla;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads the shipped defaults (calendar, policies) from the classpath. */
final class Json {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private Json() {
	}

	static <T> T read(String resource, TypeReference<T> type) {
		try (InputStream in = Json.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " is missing from the classpath");
			}
			return MAPPER.readValue(in, type);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
