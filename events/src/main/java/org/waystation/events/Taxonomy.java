package org.waystation.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The reference taxonomy shipped as data ({@code taxonomy.json}, described in
 * {@code taxonomy.md} beside it): departments, categories with their default department,
 * appeal types and priorities. Codes are stable API values; names are shown to people in
 * zh-CN and en.
 */
public final class Taxonomy {

	/**
	 * The dispatch desk's department: routing sends it what it cannot place with
	 * confidence, and it reviews returned cases.
	 */
	public static final String TRIAGE = "TRIAGE";

	private static final Taxonomy DEFAULT = load();

	private final Map<String, Entry> departments;

	private final Map<String, Entry> categories;

	private final Map<String, Entry> appealTypes;

	private final Map<String, Entry> priorities;

	private Taxonomy(Document document) {
		this.departments = index(document.departments());
		this.categories = index(document.categories());
		this.appealTypes = index(document.appealTypes());
		this.priorities = index(document.priorities());
		this.categories.values().forEach((category) -> {
			if (!this.departments.containsKey(category.department())) {
				throw new IllegalStateException(
						"Category " + category.code() + " names unknown department " + category.department());
			}
		});
	}

	/** The taxonomy shipped with this version. */
	public static Taxonomy standard() {
		return DEFAULT;
	}

	public Optional<Entry> department(String code) {
		return Optional.ofNullable(code).map(this.departments::get);
	}

	public Optional<Entry> category(String code) {
		return Optional.ofNullable(code).map(this.categories::get);
	}

	public Optional<Entry> appealType(String code) {
		return Optional.ofNullable(code).map(this.appealTypes::get);
	}

	public Optional<Entry> priority(String code) {
		return Optional.ofNullable(code).map(this.priorities::get);
	}

	public List<Entry> departments() {
		return List.copyOf(this.departments.values());
	}

	public List<Entry> categories() {
		return List.copyOf(this.categories.values());
	}

	private static Map<String, Entry> index(List<Entry> entries) {
		Map<String, Entry> byCode = new LinkedHashMap<>();
		entries.forEach((entry) -> byCode.put(entry.code(), entry));
		return byCode;
	}

	private static Taxonomy load() {
		try (InputStream in = Taxonomy.class.getResourceAsStream("taxonomy.json")) {
			if (in == null) {
				throw new IllegalStateException("taxonomy.json is missing from the classpath");
			}
			return new Taxonomy(JsonMapper.builder().build().readValue(in, Document.class));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One coded value with its names.
	 *
	 * @param department the default department, for categories only
	 */
	public record Entry(String code, String zh, String en, String department) {

		/** The name in the given language tag, zh-CN unless English is asked for. */
		public String name(String languageTag) {
			return (languageTag != null && languageTag.toLowerCase().startsWith("en")) ? this.en : this.zh;
		}

	}

	private record Document(List<Entry> departments, List<Entry> categories, List<Entry> appealTypes,
			List<Entry> priorities) {
	}

}
