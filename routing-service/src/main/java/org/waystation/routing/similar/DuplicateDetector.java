package org.waystation.routing.similar;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.waystation.routing.RoutingProperties;

/**
 * Links an appeal to an earlier one from the same phone within the window when they are
 * about the same thing: the same category and at least the configured share of words in
 * common, or nearly all words in common whatever the category.
 */
@Component
public class DuplicateDetector {

	/** Entries kept per phone: far more than one worker sends within the window. */
	static final int KEPT = 20;

	/** Nearly the same words: the same matter even if classified differently. */
	static final double SAME_WORDS = 0.8;

	private final MongoTemplate mongo;

	private final RoutingProperties properties;

	public DuplicateDetector(MongoTemplate mongo, RoutingProperties properties) {
		this.mongo = mongo;
		this.properties = properties;
	}

	/** The earlier appeal this one repeats, if any; changes nothing. */
	public Optional<Duplicate> find(String phoneHash, String appealId, String category, List<String> terms,
			Instant now) {
		RecentAppeals recent = this.mongo.findById(phoneHash, RecentAppeals.class);
		return (recent != null) ? match(recent.entries(), appealId, category, terms, now) : Optional.empty();
	}

	/**
	 * Finds the earlier appeal this one repeats and remembers this one for the appeals
	 * after it, in one round trip: the entry is appended (keeping the last {@link #KEPT}
	 * per phone) and the entries before it come back. Replaying the same appeal finds the
	 * same answer.
	 */
	public Optional<Duplicate> record(String phoneHash, String appealId, String trackingCode, String category,
			List<String> terms, Instant now) {
		Update append = new Update().push("entries")
			.slice(-KEPT)
			.each(new RecentAppeals.Entry(appealId, trackingCode, now, category, terms));
		RecentAppeals before = this.mongo.findAndModify(Query.query(Criteria.where("_id").is(phoneHash)), append,
				FindAndModifyOptions.options().upsert(true).returnNew(false), RecentAppeals.class);
		if (before == null) {
			return Optional.empty();
		}
		Optional<RecentAppeals.Entry> replayed = before.entries()
			.stream()
			.filter((entry) -> entry.appealId().equals(appealId))
			.findFirst();
		// A replay gets the answer it got the first time, from the appeals before it.
		Optional<Duplicate> duplicate = match(before.entries(), appealId, category, terms,
				replayed.map(RecentAppeals.Entry::at).orElse(now));
		duplicate.ifPresent((found) -> this.mongo.save(new MergeSuggestion(appealId, trackingCode, found.appealId(),
				found.trackingCode(), category, found.similarity(), now)));
		return duplicate;
	}

	public List<MergeSuggestion> suggestions(Instant since, int limit) {
		Query query = Query.query(Criteria.where("suggestedAt").gte(since))
			.with(Sort.by(Sort.Direction.DESC, "suggestedAt"))
			.limit(limit);
		return this.mongo.find(query, MergeSuggestion.class);
	}

	private Optional<Duplicate> match(List<RecentAppeals.Entry> entries, String appealId, String category,
			List<String> terms, Instant now) {
		Instant from = now.minus(this.properties.duplicateWindow());
		return entries.stream()
			.filter((entry) -> !entry.appealId().equals(appealId) && !entry.at().isBefore(from)
					&& entry.at().isBefore(now))
			.map((entry) -> new Candidate(entry, Terms.overlap(terms, entry.terms())))
			.filter((candidate) -> candidate.similarity() >= SAME_WORDS
					|| (candidate.entry().category().equals(category)
							&& candidate.similarity() >= this.properties.duplicateSimilarity()))
			.max(Comparator.comparingDouble(Candidate::similarity).thenComparing((candidate) -> candidate.entry().at()))
			.map((candidate) -> new Duplicate(candidate.entry().appealId(), candidate.entry().trackingCode(),
					Math.round(candidate.similarity() * 100) / 100.0));
	}

	private record Candidate(RecentAppeals.Entry entry, double similarity) {

	}

}
