package org.waystation.routing.similar.web;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waystation.events.Taxonomy;
import org.waystation.routing.similar.DuplicateDetector;
import org.waystation.routing.similar.HotTopic;
import org.waystation.routing.similar.MergeSuggestion;
import org.waystation.routing.similar.TopicClusterer;
import org.waystation.support.web.ApiException;

/**
 * Hot topics (clusters of similar appeals from many workers) for supervisors, and merge
 * (并单) suggestions for the triage desk.
 */
@RestController
@Validated
@RequestMapping("/api/v1/routing")
class SimilarAppealsController {

	private final TopicClusterer topics;

	private final DuplicateDetector duplicates;

	private final Taxonomy taxonomy = Taxonomy.standard();

	SimilarAppealsController(TopicClusterer topics, DuplicateDetector duplicates) {
		this.topics = topics;
		this.duplicates = duplicates;
	}

	/**
	 * Topics with an appeal since {@code since} (an instant, or a duration back from now
	 * such as {@code P7D}; default 7 days), the largest first.
	 */
	@GetMapping("/hot-topics")
	List<TopicView> hotTopics(@RequestParam(required = false) String since,
			@RequestParam(required = false) String category, @RequestParam(defaultValue = "2") @Min(1) int minAppeals,
			@RequestParam(defaultValue = "2") @Min(1) int minWorkers,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit) {
		if (category != null && this.taxonomy.category(category).isEmpty()) {
			throw ApiException.badRequest("category", "must be one of the taxonomy's category codes");
		}
		return this.topics.list(since(since), category, minAppeals, minWorkers, limit)
			.stream()
			.map(this::view)
			.toList();
	}

	@GetMapping("/hot-topics/{id}")
	TopicView hotTopic(@PathVariable String id) {
		return this.topics.find(id)
			.map(this::view)
			.orElseThrow(() -> ApiException.notFound("topic-not-found", "There is no hot topic " + id));
	}

	/** Appeals that repeat an earlier one from the same worker, newest first. */
	@GetMapping("/merge-suggestions")
	List<MergeSuggestion> mergeSuggestions(@RequestParam(required = false) String since,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
		return this.duplicates.suggestions(since(since), limit);
	}

	record TopicView(String id, String category, String categoryZh, String categoryEn, int appeals, int workers,
			List<String> topWords, List<HotTopic.DistrictCount> districts, List<String> sampleTrackingCodes,
			Instant firstSeen, Instant lastSeen) {

	}

	private TopicView view(HotTopic topic) {
		Taxonomy.Entry category = this.taxonomy.category(topic.getCategory()).orElse(null);
		return new TopicView(topic.getId(), topic.getCategory(), (category != null) ? category.zh() : null,
				(category != null) ? category.en() : null, topic.getCount(), topic.getWorkerCount(), topic.topWords(8),
				topic.getDistricts(), topic.getSampleTrackingCodes(), topic.getFirstSeen(), topic.getLastSeen());
	}

	private static Instant since(String since) {
		if (since == null || since.isBlank()) {
			return Instant.now().minus(Duration.ofDays(7));
		}
		try {
			return since.startsWith("P") ? Instant.now().minus(Duration.parse(since)) : Instant.parse(since);
		}
		catch (DateTimeParseException ex) {
			throw ApiException.badRequest("since",
					"must be an instant such as 2026-11-20T00:00:00Z or a duration such as P7D");
		}
	}

}
