package org.waystation.routing.similar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.PreDestroy;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.waystation.routing.RoutingProperties;
import org.waystation.support.state.SharedState;

/**
 * Groups similar appeals into hot topics, online: an appeal joins the open topic of its
 * category whose word centroid is most similar, if similar enough, or starts a new one. A
 * topic stays open for the topic window after its last appeal.
 *
 * <p>
 * Every instance keeps the open topics in memory and counts an appeal only once routing
 * has stored its decision (a replay finds the decision and is not counted again). At each
 * shared-state refresh it writes what it counted, as atomic increments of the shared
 * documents (so two instances add up rather than overwrite each other), then reads the
 * topics other instances wrote since the last one (every few minutes, all open topics);
 * at shutdown it writes once more. A crash loses at most one refresh interval's counts.
 */
@Component
public class TopicClusterer implements SharedState {

	/**
	 * How far back a refresh reads before the last one, for clocks that differ a little.
	 */
	static final Duration CLOCK_SLACK = Duration.ofSeconds(5);

	/** How often every open topic is read again, whatever the clocks say. */
	static final Duration FULL_READ = Duration.ofMinutes(5);

	private final MongoTemplate mongo;

	private final RoutingProperties properties;

	private final Clock clock;

	/**
	 * The open topics as this instance sees them: as read, plus what it has not written.
	 */
	private final Map<String, HotTopic> open = new LinkedHashMap<>();

	/** What this instance counted and has not written yet, by topic. */
	private final Map<String, TopicDelta> pending = new LinkedHashMap<>();

	/**
	 * Held while writing or reading the store, so a read never misses a write under way.
	 */
	private final Object store = new Object();

	private Instant readSince;

	private Instant fullReadAt;

	public TopicClusterer(MongoTemplate mongo, RoutingProperties properties, Optional<Clock> clock) {
		this.mongo = mongo;
		this.properties = properties;
		this.clock = clock.orElse(Clock.systemUTC());
		read(true);
	}

	/** The topic an appeal would join, without counting it. */
	public synchronized Optional<HotTopic> peek(String category, List<String> terms, Instant now) {
		return closest(category, terms, now);
	}

	/**
	 * Where an appeal goes: the topic it joins (a new one if none is close), as it will
	 * be with the appeal counted. Nothing is counted until {@link #count}.
	 */
	public synchronized Placement place(String category, String trackingCode, String workerId, String department,
			String district, List<String> terms, String text, Instant now) {
		HotTopic topic = closest(category, terms, now)
			.orElseGet(() -> new HotTopic(UUID.randomUUID().toString(), category, now));
		TopicDelta appeal = TopicDelta.of(topic.getId(), category, trackingCode, workerId, department, district, terms,
				text, now);
		return new Placement(topic.plus(appeal), appeal);
	}

	/** Counts an appeal whose decision routing stored, in the topic it was placed in. */
	public synchronized void count(Placement placement) {
		TopicDelta appeal = placement.appeal();
		HotTopic current = this.open.get(appeal.topicId());
		this.open.put(appeal.topicId(), (current != null) ? current.plus(appeal) : placement.topic());
		this.pending.merge(appeal.topicId(), appeal, TopicDelta::plus);
		Instant from = appeal.lastSeen().minus(this.properties.topicWindow());
		this.open.values().removeIf((old) -> old.getLastSeen().isBefore(from));
	}

	/** Writes what this instance counted since the last time (also at shutdown). */
	@PreDestroy
	public void flush() {
		synchronized (this.store) {
			Map<String, TopicDelta> batch;
			synchronized (this) {
				batch = new LinkedHashMap<>(this.pending);
				this.pending.clear();
			}
			Instant now = this.clock.instant();
			List<TopicDelta> unwritten = new ArrayList<>();
			RuntimeException failure = null;
			for (TopicDelta delta : batch.values()) {
				try {
					write(delta, now);
				}
				catch (RuntimeException ex) {
					unwritten.add(delta);
					failure = ex;
				}
			}
			if (failure != null) {
				synchronized (this) {
					// Written next time, with whatever is counted by then.
					unwritten.forEach((delta) -> this.pending.merge(delta.topicId(), delta, TopicDelta::plus));
				}
				throw failure;
			}
		}
	}

	/**
	 * Writes what this instance counted and reads what the others wrote: the topics
	 * written since the last refresh (every {@link #FULL_READ}, all open topics).
	 */
	@Override
	public void refresh() {
		try {
			flush();
		}
		finally {
			Instant now = this.clock.instant();
			read(this.fullReadAt == null || !now.isBefore(this.fullReadAt.plus(FULL_READ)));
		}
	}

	private void write(TopicDelta delta, Instant now) {
		Query topic = Query.query(Criteria.where("_id").is(delta.topicId()));
		this.mongo.upsert(topic, delta.toUpdate(now), HotTopic.class);
		for (String worker : delta.workers()) {
			// Only a worker the topic does not have yet, and only while it still counts
			// them.
			this.mongo.updateFirst(
					Query.query(Criteria.where("_id")
						.is(delta.topicId())
						.and("workers")
						.ne(worker)
						.and("workerCount")
						.not()
						.gte(HotTopic.MAX_WORKERS)),
					new Update().push("workers", worker).inc("workerCount", 1), HotTopic.class);
		}
	}

	private void read(boolean all) {
		synchronized (this.store) {
			Instant now = this.clock.instant();
			Query query = Query.query(Criteria.where("lastSeen").gte(now.minus(this.properties.topicWindow())));
			if (!all) {
				query.addCriteria(Criteria.where("writtenAt").gte(this.readSince.minus(CLOCK_SLACK)));
			}
			List<HotTopic> read = this.mongo.find(query, HotTopic.class);
			synchronized (this) {
				if (all) {
					this.open.clear();
					this.fullReadAt = now;
				}
				for (HotTopic topic : read) {
					TopicDelta unwritten = this.pending.get(topic.getId());
					this.open.put(topic.getId(), (unwritten != null) ? topic.plus(unwritten) : topic);
				}
				this.readSince = now;
			}
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

	/** An open topic as this instance sees it now. */
	public synchronized Optional<HotTopic> open(String id) {
		return Optional.ofNullable(this.open.get(id));
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

	/**
	 * Where an appeal was placed: the topic as it is with the appeal counted, and the
	 * appeal's part, counted once its decision is stored.
	 */
	public static final class Placement {

		private final HotTopic topic;

		private final TopicDelta appeal;

		private Placement(HotTopic topic, TopicDelta appeal) {
			this.topic = topic;
			this.appeal = appeal;
		}

		public HotTopic topic() {
			return this.topic;
		}

		TopicDelta appeal() {
			return this.appeal;
		}

	}

}
