package org.waystation.routing.similar;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.waystation.routing.RoutingProperties;

/**
 * Groups similar appeals into hot topics, online: an appeal joins the open topic of its
 * category whose word centroid is most similar, if similar enough, or starts a new one. A
 * topic stays open for the topic window after its last appeal. Open topics are kept in
 * memory (loaded at start-up) and written behind: the topics that changed are written
 * once a second (and at shutdown) by one writer, so routing never waits for them. An
 * appeal already counted (a replay) is not counted again; a crash loses at most the last
 * second's counts of appeals whose records Kafka will not deliver again.
 */
@Component
public class TopicClusterer {

	private final MongoTemplate mongo;

	private final RoutingProperties properties;

	private final Map<String, HotTopic> open = new LinkedHashMap<>();

	private final java.util.Set<String> changed = new java.util.LinkedHashSet<>();

	public TopicClusterer(MongoTemplate mongo, RoutingProperties properties, Optional<Clock> clock) {
		this.mongo = mongo;
		this.properties = properties;
		Instant from = clock.orElse(Clock.systemUTC()).instant().minus(properties.topicWindow());
		this.mongo.find(Query.query(Criteria.where("lastSeen").gte(from)), HotTopic.class)
			.forEach((topic) -> this.open.put(topic.getId(), topic));
	}

	/** The topic an appeal would join, without counting it. */
	public synchronized Optional<HotTopic> peek(String category, List<String> terms, Instant now) {
		return closest(category, terms, now);
	}

	/**
	 * Counts the appeal in its topic (a new one if none is close) and stores the topic.
	 */
	public synchronized HotTopic assign(String appealId, String trackingCode, String workerHash, String category,
			String department, String district, List<String> terms, Instant now) {
		Optional<HotTopic> counted = this.open.values()
			.stream()
			.filter((topic) -> topic.contains(appealId))
			.findFirst();
		if (counted.isPresent()) {
			return counted.get();
		}
		HotTopic topic = closest(category, terms, now)
			.orElseGet(() -> new HotTopic(UUID.randomUUID().toString(), category, now));
		topic.add(appealId, trackingCode, workerHash, department, district, terms, now);
		this.open.put(topic.getId(), topic);
		this.changed.add(topic.getId());
		Instant from = now.minus(this.properties.topicWindow());
		this.open.values().removeIf((old) -> old.getLastSeen().isBefore(from));
		return topic;
	}

	/** Writes the topics that changed since the last time. */
	@org.springframework.scheduling.annotation.Scheduled(fixedDelay = 1000)
	@jakarta.annotation.PreDestroy
	public void flush() {
		List<HotTopic> snapshots;
		synchronized (this) {
			snapshots = this.changed.stream()
				.map((id) -> this.open.get(id))
				.filter(java.util.Objects::nonNull)
				.map(HotTopic::snapshot)
				.toList();
			this.changed.clear();
		}
		List<String> unsaved = new java.util.ArrayList<>();
		RuntimeException failure = null;
		for (HotTopic topic : snapshots) {
			try {
				this.mongo.save(topic);
			}
			catch (RuntimeException ex) {
				unsaved.add(topic.getId());
				failure = ex;
			}
		}
		if (failure != null) {
			synchronized (this) {
				// Written next time, with whatever they count by then.
				this.changed.addAll(unsaved);
			}
			throw failure;
		}
	}

	/** Topics seen since the given time, the largest first. */
	public List<HotTopic> list(Instant since, String category, int minAppeals, int minWorkers, int limit) {
		flush();
		Query query = Query.query(Criteria.where("lastSeen").gte(since)).with(Sort.by(Sort.Direction.DESC, "count"));
		if (category != null) {
			query.addCriteria(Criteria.where("category").is(category));
		}
		return this.mongo.find(query, HotTopic.class)
			.stream()
			.filter((topic) -> topic.getCount() >= minAppeals && topic.getWorkerCount() >= minWorkers)
			.sorted(Comparator.comparingInt(HotTopic::getCount)
				.reversed()
				.thenComparing(HotTopic::getLastSeen, Comparator.reverseOrder()))
			.limit(limit)
			.toList();
	}

	public Optional<HotTopic> find(String id) {
		flush();
		return Optional.ofNullable(this.mongo.findById(id, HotTopic.class));
	}

	private Optional<HotTopic> closest(String category, List<String> terms, Instant now) {
		Instant from = now.minus(this.properties.topicWindow());
		return this.open.values()
			.stream()
			.filter((topic) -> topic.getCategory().equals(category) && !topic.getLastSeen().isBefore(from))
			.map((topic) -> Map.entry(topic, topic.similarity(terms)))
			.filter((entry) -> entry.getValue() >= this.properties.topicSimilarity())
			.max(Map.Entry.comparingByValue())
			.map(Map.Entry::getKey);
	}

}
