package org.waystation.events;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The taxonomy document beside {@code taxonomy.json} names exactly its codes, with the
 * same names and default departments, so what people read is what the services use.
 */
class TaxonomyDocumentTest {

	@ParameterizedTest
	@CsvSource({ "Departments, departments", "Categories, categories", "Appeal types, appealTypes",
			"Priorities, priorities" })
	void documentTableMatchesTheData(String heading, String key) throws IOException {
		Map<String, List<String>> documented = table(read("taxonomy.md"), heading);
		Map<String, List<String>> data = new LinkedHashMap<>();
		for (JsonNode entry : JsonMapper.shared().readTree(read("taxonomy.json")).get(key)) {
			data.put(entry.get("code").asString(),
					(entry.has("department"))
							? List.of(entry.get("zh").asString(), entry.get("en").asString(),
									entry.get("department").asString())
							: List.of(entry.get("zh").asString(), entry.get("en").asString()));
		}

		assertThat(documented.keySet()).containsExactlyElementsOf(data.keySet());
		data.forEach((code, columns) -> assertThat(documented.get(code)).as(code)
			.startsWith(columns.toArray(String[]::new)));
	}

	/** The rows of the table under a heading, by code: the columns after the code. */
	private static Map<String, List<String>> table(String document, String heading) {
		String section = document.substring(document.indexOf("## " + heading));
		int next = section.indexOf("\n## ", 3);
		section = (next > 0) ? section.substring(0, next) : section;
		Map<String, List<String>> rows = new LinkedHashMap<>();
		section.lines()
			.filter((line) -> line.startsWith("| ") && !line.startsWith("| code"))
			.map((line) -> List.of(line.substring(1, line.length() - 1).split("\\|")))
			.forEach((cells) -> rows.put(cells.get(0).strip(),
					cells.subList(1, cells.size()).stream().map(String::strip).toList()));
		return rows;
	}

	private static String read(String name) throws IOException {
		try (InputStream in = Taxonomy.class.getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
