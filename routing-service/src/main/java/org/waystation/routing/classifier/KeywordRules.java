package org.waystation.routing.classifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.waystation.events.Taxonomy;

/**
 * Keyword rules as data ({@code routing/keyword-rules.json}): which words point to which
 * category, which make an appeal urgent or high priority, and which tell its type.
 */
public record KeywordRules(String version, List<CategoryKeywords> categories, List<String> urgentKeywords,
		List<String> highPriorityCategories, List<String> highPriorityKeywords, List<TypeKeywords> appealTypes,
		String defaultAppealType) {

	static final String RESOURCE = "/routing/keyword-rules.json";

	public KeywordRules {
		Taxonomy taxonomy = Taxonomy.standard();
		for (CategoryKeywords rule : categories) {
			if (taxonomy.category(rule.category()).isEmpty()) {
				throw new IllegalArgumentException("Keyword rules name unknown category " + rule.category());
			}
		}
		for (TypeKeywords rule : appealTypes) {
			if (taxonomy.appealType(rule.type()).isEmpty()) {
				throw new IllegalArgumentException("Keyword rules name unknown appeal type " + rule.type());
			}
		}
	}

	public static KeywordRules standard() {
		try (InputStream in = KeywordRules.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is missing from the classpath");
			}
			return JsonMapper.builder()
				.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
				.build()
				.readValue(in, KeywordRules.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public record CategoryKeywords(String category, List<String> keywords) {

	}

	public record TypeKeywords(String type, List<String> keywords) {

	}

}
