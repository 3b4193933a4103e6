package org.waystation.routing.similar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.mongodb.core.query.Update;

/**
 * What one instance counted into a hot topic and has not written yet: appeals, workers,
 * words, districts, samples, first and last seen. Written as one atomic update of
 * increments, so deltas of several instances add up in the store instead of overwriting
 * one another.
 */
final class TopicDelta {

	private final String topicId;

	private final String category;

	private int count;

	private final Set<String> workers = new LinkedHashSet<>();

	private final Map<String, Integer> terms = new LinkedHashMap<>();

	private final Map<String, Integer> districts = new LinkedHashMap<>();

	private final List<HotTopic.Sample> samples = new ArrayList<>();

	private Instant firstSeen;

	private Instant lastSeen;

	private TopicDelta(String topicId, String category) {
		this.topicId = topicId;
		this.category = category;
	}

	/** One appeal counted into a topic. */
	static TopicDelta of(String topicId, String category, String trackingCode, String workerId, String department,
			String district, List<String> terms, String text, Instant now) {
		TopicDelta delta = new TopicDelta(topicId, category);
		delta.count = 1;
		String worker = HotTopic.workerKey(workerId);
		if (worker != null) {
			delta.workers.add(worker);
		}
		terms.forEach((term) -> delta.terms.merge(term, 1, Integer::sum));
		if (district != null && !district.isBlank()) {
			delta.districts.put(district, 1);
		}
		delta.samples.add(HotTopic.Sample.of(trackingCode, department, text));
		delta.firstSeen = now;
		delta.lastSeen = now;
		return delta;
	}

	/** This delta and another of the same topic, as one. */
	TopicDelta plus(TopicDelta other) {
		TopicDelta sum = new TopicDelta(this.topicId, this.category);
		for (TopicDelta part : List.of(this, other)) {
			sum.count += part.count;
			sum.workers.addAll(part.workers);
			part.terms.forEach((term, n) -> sum.terms.merge(term, n, Integer::sum));
			part.districts.forEach((district, n) -> sum.districts.merge(district, n, Integer::sum));
			sum.samples.addAll(part.samples);
			sum.firstSeen = (sum.firstSeen == null || part.firstSeen.isBefore(sum.firstSeen)) ? part.firstSeen
					: sum.firstSeen;
			sum.lastSeen = (sum.lastSeen == null || part.lastSeen.isAfter(sum.lastSeen)) ? part.lastSeen : sum.lastSeen;
		}
		return sum;
	}

	/**
	 * The update that adds this delta to the stored topic, creating it if it is new.
	 * Workers are added apart ({@link #workers()}): each only if the topic does not have
	 * it yet and still counts workers.
	 */
	Update toUpdate(Instant writtenAt) {
		Update update = new Update().setOnInsert("category", this.category)
			.inc("count", this.count)
			.min("firstSeen", this.firstSeen)
			.max("lastSeen", this.lastSeen)
			.set("writtenAt", writtenAt);
		this.terms.forEach((term, n) -> update.inc("termCounts." + FieldKeys.escape(term), n));
		this.districts.forEach((district, n) -> update.inc("districtCounts." + FieldKeys.escape(district), n));
		if (!this.samples.isEmpty()) {
			List<HotTopic.Sample> last = this.samples.subList(Math.max(0, this.samples.size() - HotTopic.MAX_SAMPLES),
					this.samples.size());
			update.push("samples").slice(-HotTopic.MAX_SAMPLES).each(last.toArray());
		}
		return update;
	}

	String topicId() {
		return this.topicId;
	}

	String category() {
		return this.category;
	}

	int count() {
		return this.count;
	}

	Set<String> workers() {
		return Collections.unmodifiableSet(this.workers);
	}

	Map<String, Integer> terms() {
		return Collections.unmodifiableMap(this.terms);
	}

	Map<String, Integer> districts() {
		return Collections.unmodifiableMap(this.districts);
	}

	List<HotTopic.Sample> samples() {
		return Collections.unmodifiableList(this.samples);
	}

	Instant firstSeen() {
		return this.firstSeen;
	}

	Instant lastSeen() {
		return this.lastSeen;
	}

}
