package org.waystation.routing.similar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
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
		if (recent == null) {
			return Optional.empty();
		}
		return match(recent.entries().stream().filter((entry) -> !entry.appealId().equals(appealId)).toList(), category,
				terms, now);
	}

	/**
	 * Finds the earlier appeal each of these repeats and remembers them for the appeals
	 * after them, in their order (one may repeat another of the same list), in two round
	 * trips whatever their number: their phones' entries are read together, and each
	 * phone's new entries appended in one update (keeping the last {@link #KEPT}). A
	 * replayed appeal finds its own entry, gets the answer it got the first time and is
	 * not appended again. Appeals of one phone routed at the same moment by two routing
	 * instances may miss each other: a repeat not suggested for merging, never a wrong
	 * link.
	 * @return the duplicate of each, in the same order
	 */
	public List<Optional<Duplicate>> recordAll(List<Recording> recordings) {
		if (recordings.isEmpty()) {
			return List.of();
		}
		List<String> phones = recordings.stream().map(Recording::phoneHash).distinct().toList();
		Map<String, List<RecentAppeals.Entry>> entries = new HashMap<>();
		this.mongo.find(Query.query(Criteria.where("_id").in(phones)), RecentAppeals.class)
			.forEach((recent) -> entries.put(recent.phoneHash(), new ArrayList<>(recent.entries())));
		Map<String, List<RecentAppeals.Entry>> appended = new LinkedHashMap<>();
		List<MergeSuggestion> suggestions = new ArrayList<>();
		List<Optional<Duplicate>> duplicates = new ArrayList<>(recordings.size());
		for (Recording recording : recordings) {
			List<RecentAppeals.Entry> before = entries.computeIfAbsent(recording.phoneHash(),
					(phone) -> new ArrayList<>());
			int replayed = positionOf(before, recording.appealId());
			// A replay gets the answer it got the first time, from the appeals before it.
			Optional<Duplicate> duplicate = (replayed < 0)
					? match(before, recording.category(), recording.terms(), recording.now())
					: match(before.subList(0, replayed), recording.category(), recording.terms(),
							before.get(replayed).at());
			duplicate.ifPresent((found) -> suggestions
				.add(new MergeSuggestion(recording.appealId(), recording.trackingCode(), found.appealId(),
						found.trackingCode(), recording.category(), found.similarity(), recording.now())));
			if (replayed < 0) {
				RecentAppeals.Entry entry = new RecentAppeals.Entry(recording.appealId(), recording.trackingCode(),
						recording.now(), recording.category(), recording.terms());
				before.add(entry);
				if (before.size() > KEPT) {
					before.remove(0);
				}
				appended.computeIfAbsent(recording.phoneHash(), (phone) -> new ArrayList<>()).add(entry);
			}
			duplicates.add(duplicate);
		}
		if (!suggestions.isEmpty()) {
			// Before the entries: a replay after a failure here decides again.
			BulkOperations saved = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, MergeSuggestion.class);
			suggestions
				.forEach((suggestion) -> saved.replaceOne(Query.query(Criteria.where("_id").is(suggestion.appealId())),
						suggestion, FindAndReplaceOptions.options().upsert()));
			saved.execute();
		}
		if (!appended.isEmpty()) {
			BulkOperations append = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, RecentAppeals.class);
			appended.forEach((phone, added) -> append.upsert(Query.query(Criteria.where("_id").is(phone)),
					new Update().push("entries").slice(-KEPT).each(added.toArray())));
			append.execute();
		}
		return duplicates;
	}

	/** An appeal to check for repeats and remember. */
	public record Recording(String phoneHash, String appealId, String trackingCode, String category, List<String> terms,
			Instant now) {

		public Recording {
			Objects.requireNonNull(phoneHash, "phoneHash");
		}

	}

	public List<MergeSuggestion> suggestions(Instant since, int limit) {
		Query query = Query.query(Criteria.where("suggestedAt").gte(since))
			.with(Sort.by(Sort.Direction.DESC, "suggestedAt"))
			.limit(limit);
		return this.mongo.find(query, MergeSuggestion.class);
	}

	private static int positionOf(List<RecentAppeals.Entry> entries, String appealId) {
		for (int i = 0; i < entries.size(); i++) {
			if (entries.get(i).appealId().equals(appealId)) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * The appeal among the earlier ones, within the window before {@code now}, that an
	 * appeal repeats: the most similar, the latest of equally similar ones.
	 * @param earlier the entries of the appeals before it, oldest first
	 */
	private Optional<Duplicate> match(List<RecentAppeals.Entry> earlier, String category, List<String> terms,
			Instant now) {
		Instant from = now.minus(this.properties.duplicateWindow());
		Candidate best = null;
		for (RecentAppeals.Entry entry : earlier) {
			if (entry.at().isBefore(from)) {
				continue;
			}
			double similarity = Terms.overlap(terms, entry.terms());
			boolean same = similarity >= SAME_WORDS
					|| (entry.category().equals(category) && similarity >= this.properties.duplicateSimilarity());
			if (same && (best == null || similarity >= best.similarity())) {
				best = new Candidate(entry, similarity);
			}
		}
		return Optional.ofNullable(best)
			.map((candidate) -> new Duplicate(candidate.entry().appealId(), candidate.entry().trackingCode(),
					Math.round(candidate.similarity() * 100) / 100.0));
	}

	private record Candidate(RecentAppeals.Entry entry, double similarity) {

	}

}
