package org.waystation.classifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads the JSON data files shipped on the classpath (rules, lexicon). */
final class JsonResources {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private JsonResources() {
	}

	static <T> T read(String resource, Class<T> type) {
		try (InputStream in = JsonResources.class.getResourceAsStream(resource)) {
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
