package org.waystation.routing.similar.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waystation.events.Taxonomy;
import org.waystation.routing.similar.AppealVisibility;
import org.waystation.routing.similar.DuplicateDetector;
import org.waystation.routing.similar.HotTopic;
import org.waystation.routing.similar.MergeSuggestion;
import org.waystation.routing.similar.TopicClusterer;
import org.waystation.support.problem.ProblemException;
import org.waystation.support.security.Caller;
import org.waystation.support.security.Roles;
import org.waystation.support.web.RequestValues;

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

	private final AppealVisibility access;

	private final Taxonomy taxonomy = Taxonomy.standard();

	SimilarAppealsController(TopicClusterer topics, DuplicateDetector duplicates, AppealVisibility access) {
		this.topics = topics;
		this.duplicates = duplicates;
		this.access = access;
	}

	/**
	 * Topics with an appeal since {@code since} (an instant, or a duration back from now
	 * such as {@code P7D}; default 7 days), the largest first.
	 */
	@GetMapping("/hot-topics")
	@RolesAllowed({ Roles.STAFF, Roles.TRIAGE, Roles.SUPERVISOR })
	List<TopicView> hotTopics(Caller caller, @RequestParam(required = false) String since,
			@RequestParam(required = false) String category, @RequestParam(defaultValue = "2") @Min(1) int minAppeals,
			@RequestParam(defaultValue = "2") @Min(1) int minWorkers,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit) {
		if (category != null && this.taxonomy.category(category).isEmpty()) {
			throw ProblemException.invalid("category", "must be one of the taxonomy's category codes");
		}
		return this.topics
			.list(RequestValues.since("since", since, Duration.ofDays(7)), category, minAppeals, minWorkers, limit)
			.stream()
			.map((topic) -> view(topic, caller))
			.toList();
	}

	@GetMapping("/hot-topics/{id}")
	@RolesAllowed({ Roles.STAFF, Roles.TRIAGE, Roles.SUPERVISOR })
	TopicView hotTopic(Caller caller, @PathVariable String id) {
		return this.topics.find(id)
			.map((topic) -> view(topic, caller))
			.orElseThrow(() -> ProblemException.notFound("topic-not-found", "There is no hot topic " + id));
	}

	/**
	 * Appeals that repeat an earlier one from the same worker, newest first: for the
	 * triage desk, and for supervisors those whose appeals are both in their scope.
	 */
	@GetMapping("/merge-suggestions")
	@RolesAllowed({ Roles.TRIAGE, Roles.SUPERVISOR })
	List<MergeSuggestion> mergeSuggestions(Caller caller, @RequestParam(required = false) String since,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
		return this.duplicates.suggestions(RequestValues.since("since", since, Duration.ofDays(7)), limit)
			.stream()
			.filter((suggestion) -> this.access.maySeeAppeal(caller, suggestion.appealId())
					&& this.access.maySeeAppeal(caller, suggestion.duplicateOfAppealId()))
			.toList();
	}

	record TopicView(String id, String category, String categoryZh, String categoryEn, int appeals, int workers,
			List<String> topWords, List<HotTopic.DistrictCount> districts, List<String> sampleTrackingCodes,
			List<SampleView> samples, Instant firstSeen, Instant lastSeen) {

	}

	/** A recent appeal of the topic: its tracking code and the start of its words. */
	record SampleView(String trackingCode, String text) {

	}

	/**
	 * A topic as the caller may see it: counts and words for every staff role, samples
	 * (tracking code and the start of the text) only of the caller's departments.
	 */
	private TopicView view(HotTopic topic, Caller caller) {
		Taxonomy.Entry category = this.taxonomy.category(topic.getCategory()).orElse(null);
		boolean all = caller.has(Roles.TRIAGE) || caller.supervisesAll();
		List<HotTopic.Sample> samples = topic.getSamples()
			.stream()
			.filter((sample) -> all || (sample.department() != null && caller.maySee(sample.department())))
			.toList();
		return new TopicView(topic.getId(), topic.getCategory(), (category != null) ? category.zh() : null,
				(category != null) ? category.en() : null, topic.getCount(), topic.getWorkerCount(), topic.topWords(8),
				topic.getDistricts(), samples.stream().map(HotTopic.Sample::trackingCode).toList(),
				samples.stream().map((sample) -> new SampleView(sample.trackingCode(), sample.text())).toList(),
				topic.getFirstSeen(), topic.getLastSeen());
	}

}
