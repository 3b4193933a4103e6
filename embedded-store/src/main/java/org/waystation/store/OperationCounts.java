package org.waystation.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import de.bwaldvogel.mongo.bson.Document;

/**
 * How many operations the store has served since it started, per database, collection and
 * command: what each service asks of it; and how many documents its queries read. Only
 * commands on a collection are counted (not the drivers' handshakes and heartbeats).
 */
final class OperationCounts {

	private final Map<List<String>, LongAdder> counts = new ConcurrentHashMap<>();

	void count(String database, String command, Document request) {
		Object target = request.get(command);
		String collection = (target instanceof String name) ? name
				: (request.get("collection") instanceof String name) ? name : null;
		if (collection == null || collection.isEmpty()) {
			return;
		}
		this.counts.computeIfAbsent(List.of(database, collection, command), (key) -> new LongAdder()).increment();
	}

	/** Documents a query read, counted as the command {@value #DOCUMENTS_READ}. */
	void read(String namespace, long documents) {
		int dot = namespace.indexOf('.');
		this.counts
			.computeIfAbsent(List.of(namespace.substring(0, dot), namespace.substring(dot + 1), DOCUMENTS_READ),
					(key) -> new LongAdder())
			.add(documents);
	}

	/** The name under which the documents read by queries are counted. */
	static final String DOCUMENTS_READ = "documentsRead";

	/**
	 * The answer to the counting command: one entry per database, collection and command,
	 * and the documents read.
	 */
	Document answer() {
		List<Document> entries = new ArrayList<>();
		this.counts.forEach((key, count) -> {
			Document entry = new Document();
			entry.put("database", key.get(0));
			entry.put("collection", key.get(1));
			entry.put("command", key.get(2));
			entry.put("count", count.sum());
			entries.add(entry);
		});
		Document answer = new Document();
		answer.put("operations", entries);
		answer.put("ok", 1.0);
		return answer;
	}

}
