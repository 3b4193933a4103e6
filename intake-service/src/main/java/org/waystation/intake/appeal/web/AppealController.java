package org.waystation.intake.appeal.web;

import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.waystation.events.Channel;
import org.waystation.events.Taxonomy;
import org.waystation.intake.appeal.Appeal;
import org.waystation.intake.appeal.AppealService;
import org.waystation.intake.appeal.AppealStatus;
import org.waystation.intake.appeal.PendingQuestion;
import org.waystation.intake.appeal.SubmitAppeal;
import org.waystation.support.privacy.PhoneNumbers;
import org.waystation.support.web.ApiException;
import org.waystation.support.web.validation.CodePoints;

@RestController
@RequestMapping("/api/v1/appeals")
class AppealController {

	static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

	static final String REPLAYED_HEADER = "Idempotent-Replayed";

	private final AppealService appeals;

	private final Taxonomy taxonomy = Taxonomy.standard();

	AppealController(AppealService appeals) {
		this.appeals = appeals;
	}

	/**
	 * Accepts an appeal. 202: it is stored and will be routed; the tracking code lets the
	 * worker follow it. The idempotency key may come in the body or the
	 * {@code Idempotency-Key} header.
	 */
	@PostMapping
	ResponseEntity<Accepted> submit(@Valid @RequestBody SubmitAppealRequest request,
			@RequestHeader(name = IDEMPOTENCY_KEY_HEADER, required = false) String keyHeader,
			@RequestHeader(name = "X-Correlation-Id", required = false) String correlationId) {
		String key = (request.idempotencyKey() != null) ? request.idempotencyKey() : keyHeader;
		if (key != null && (key.isBlank() || key.length() > 128)) {
			throw ApiException.badRequest("idempotencyKey", "must be 1 to 128 printable characters");
		}
		String phone = PhoneNumbers.normalize(request.phone()).orElseThrow();
		AppealService.Submitted submitted = this.appeals
			.submit(new SubmitAppeal(Channel.valueOf(request.channel()), request.text().strip(), phone,
					blankToNull(request.district()), blankToNull(request.stationId()), key, correlationId));
		Appeal appeal = submitted.appeal();
		URI location = URI.create("/api/v1/appeals/" + appeal.getTrackingCode());
		return ResponseEntity.accepted()
			.location(location)
			.header(REPLAYED_HEADER, String.valueOf(submitted.replayed()))
			.body(new Accepted(appeal.getId(), appeal.getTrackingCode(), appeal.getStatus(), appeal.getSubmittedAt(),
					location.toString()));
	}

	/** The tracking view: where the appeal stands and everything that happened to it. */
	@GetMapping("/{trackingCode}")
	TrackingView track(@PathVariable String trackingCode,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
		Appeal appeal = this.appeals.findByTrackingCode(trackingCode)
			.orElseThrow(
					() -> ApiException.notFound("appeal-not-found", "No appeal has tracking code " + trackingCode));
		boolean english = language != null && language.toLowerCase().startsWith("en");
		String lang = english ? "en" : "zh-CN";
		List<TrackingView.Step> timeline = appeal.getTimeline()
			.stream()
			.sorted(Comparator.comparing((org.waystation.intake.appeal.TimelineEntry entry) -> entry.at())
				.thenComparing((entry) -> entry.status().ordinal()))
			.map((entry) -> new TrackingView.Step(entry.status(), entry.eventType(),
					TimelineTexts.describe(entry, english), entry.at(), entry.department(),
					departmentName(entry.department(), lang), entry.note()))
			.toList();
		return new TrackingView(appeal.getId(), appeal.getTrackingCode(), appeal.getStatus(),
				appeal.getStatus().describe(english), appeal.getChannel().name(), appeal.getDistrict(),
				PhoneNumbers.mask(appeal.getPhone()), appeal.getCategory(),
				this.taxonomy.category(appeal.getCategory()).map((c) -> c.name(lang)).orElse(null),
				appeal.getDepartment(), departmentName(appeal.getDepartment(), lang), appeal.getResolution(),
				appeal.getResolveDueAt(), question(appeal), appeal.getRatingCaseId() != null, appeal.getRating(),
				appeal.getMergedIntoTrackingCode(), appeal.getSubmittedAt(), appeal.getUpdatedAt(), timeline);
	}

	/** The worker answers the department's question. 202: passed on to the department. */
	@PostMapping("/{trackingCode}/answers")
	ResponseEntity<TrackingView> answer(@PathVariable String trackingCode, @Valid @RequestBody AnswerRequest request,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
		this.appeals.answer(trackingCode, request.answer().strip());
		return ResponseEntity.accepted().body(track(trackingCode, language));
	}

	/** The worker rates the resolution. 202: passed on to the department. */
	@PostMapping("/{trackingCode}/rating")
	ResponseEntity<TrackingView> rate(@PathVariable String trackingCode, @Valid @RequestBody RatingRequest request,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
		this.appeals.rate(trackingCode, request.rating(),
				(request.comment() != null) ? request.comment().strip() : null);
		return ResponseEntity.accepted().body(track(trackingCode, language));
	}

	private String departmentName(String code, String lang) {
		return this.taxonomy.department(code).map((d) -> d.name(lang)).orElse(null);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	record Accepted(String appealId, String trackingCode, AppealStatus status, Instant submittedAt,
			String trackingUrl) {

	}

	private static TrackingView.Question question(Appeal appeal) {
		PendingQuestion pending = appeal.getPendingQuestion();
		return (pending == null || pending.answered()) ? null
				: new TrackingView.Question(pending.question(), pending.askedAt());
	}

	record AnswerRequest(
			@NotBlank(message = "is required and must not be blank") @CodePoints(max = 2000) String answer) {

	}

	record RatingRequest(
			@NotBlank(message = "is required") @Pattern(regexp = "SATISFIED|BASICALLY_SATISFIED|DISSATISFIED",
					message = "must be SATISFIED, BASICALLY_SATISFIED or DISSATISFIED") String rating,
			@CodePoints(max = 500) String comment) {

	}

	/**
	 * @param deadline when the department must have resolved it
	 * @param question a question waiting for the worker's answer
	 * @param canRate a resolution is waiting for the worker's rating
	 */
	record TrackingView(String appealId, String trackingCode, AppealStatus status, String statusText, String channel,
			String district, String phone, String category, String categoryName, String department,
			String departmentName, String resolution, Instant deadline, Question question, boolean canRate,
			String rating, String mergedInto, Instant submittedAt, Instant updatedAt, List<Step> timeline) {

		record Question(String text, Instant askedAt) {

		}

		record Step(AppealStatus status, String event, String text, Instant at, String department,
				String departmentName, String note) {

		}

	}

}
