package org.waystation.intake.appeal.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waystation.events.Channel;
import org.waystation.events.Taxonomy;
import org.waystation.intake.appeal.Appeal;
import org.waystation.intake.appeal.AppealService;
import org.waystation.intake.appeal.AppealStatus;
import org.waystation.intake.appeal.PendingQuestion;
import org.waystation.intake.appeal.Photo;
import org.waystation.intake.appeal.SubmitAppeal;
import org.waystation.support.correlation.CorrelationIds;
import org.waystation.support.privacy.PhoneNumbers;
import org.waystation.support.privacy.WorkerIds;
import org.waystation.support.security.Caller;
import org.waystation.support.security.Roles;
import org.waystation.support.problem.ProblemException;
import org.waystation.support.web.validation.CodePoints;

@RestController
@Validated
@RequestMapping("/api/v1/appeals")
class AppealController {

	static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

	static final String REPLAYED_HEADER = "Idempotent-Replayed";

	private final AppealService appeals;

	private final WorkerIds workerIds;

	private final Taxonomy taxonomy = Taxonomy.standard();

	private final WorkerTexts texts;

	AppealController(AppealService appeals, WorkerIds workerIds,
			@Value("${waystation.tracking.time-zone:Asia/Shanghai}") ZoneId zone, Optional<Clock> clock) {
		this.appeals = appeals;
		this.workerIds = workerIds;
		this.texts = new WorkerTexts(zone, clock.orElse(Clock.systemUTC()));
	}

	/**
	 * Accepts an appeal from anyone (the gateway limits how often). 202: it is stored and
	 * will be routed; the tracking code names it, and the worker follows it by signing in
	 * with the phone it was filed under. The idempotency key may come in the body or the
	 * {@code Idempotency-Key} header.
	 */
	@PostMapping
	@PermitAll
	ResponseEntity<Accepted> submit(@Valid @RequestBody SubmitAppealRequest request,
			@RequestHeader(name = IDEMPOTENCY_KEY_HEADER, required = false) String keyHeader) {
		String key = (request.idempotencyKey() != null) ? request.idempotencyKey() : keyHeader;
		if (key != null && (key.isBlank() || key.length() > 128)) {
			throw ProblemException.invalid("idempotencyKey", "must be 1 to 128 printable characters");
		}
		String phone = PhoneNumbers.normalize(request.phone()).orElseThrow();
		AppealService.Submitted submitted = this.appeals
			.submit(new SubmitAppeal(Channel.valueOf(request.channel()), request.text().strip(), phone,
					this.workerIds.of(phone), blankToNull(request.district()), blankToNull(request.stationId()), key,
					CorrelationIds.current().orElse(null), photos(request.photos())));
		Appeal appeal = submitted.appeal();
		URI location = URI.create("/api/v1/appeals/" + appeal.getTrackingCode());
		return ResponseEntity.accepted()
			.location(location)
			.header(REPLAYED_HEADER, String.valueOf(submitted.replayed()))
			.body(new Accepted(appeal.getId(), appeal.getTrackingCode(), appeal.getStatus(), appeal.getSubmittedAt(),
					location.toString()));
	}

	/**
	 * Decodes and checks the photos: base64, at most 5 MB each, and really the image type
	 * they say they are.
	 */
	private static List<Photo> photos(List<SubmitAppealRequest.PhotoUpload> uploads) {
		if (uploads == null) {
			return List.of();
		}
		List<Photo> photos = new java.util.ArrayList<>();
		for (int i = 0; i < uploads.size(); i++) {
			String field = "photos[" + i + "].data";
			byte[] data;
			try {
				data = java.util.Base64.getDecoder().decode(uploads.get(i).data());
			}
			catch (IllegalArgumentException ex) {
				throw ProblemException.invalid(field, "must be the image in base64");
			}
			if (data.length > Photo.MAX_BYTES) {
				throw ProblemException.invalid(field, "must be at most 5 MB");
			}
			String declared = uploads.get(i).contentType();
			if (!Photo.typeOf(data).map(declared::equals).orElse(false)) {
				throw ProblemException.invalid(field, "is not a " + declared + " image");
			}
			photos.add(Photo.of(declared, data));
		}
		return photos;
	}

	/** The signed-in worker's own appeals, newest first, each as its tracking view. */
	@GetMapping
	@RolesAllowed(Roles.WORKER)
	List<TrackingView> mine(Caller caller,
			@RequestParam(defaultValue = "20") @Min(value = 1, message = "must be between 1 and 100") @Max(value = 100,
					message = "must be between 1 and 100") int limit,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
		return this.appeals.ofWorker(caller.subject(), limit).stream().map((appeal) -> view(appeal, language)).toList();
	}

	/**
	 * The tracking view: where the appeal stands and everything that happened to it. Only
	 * the worker whose appeal it is sees it: a tracking code alone opens nothing.
	 */
	@GetMapping("/{trackingCode}")
	@RolesAllowed(Roles.WORKER)
	TrackingView track(Caller caller, @PathVariable String trackingCode,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
		return view(this.appeals.ownedBy(trackingCode, caller.subject()), language);
	}

	private TrackingView view(Appeal appeal, String language) {
		boolean english = language != null && language.toLowerCase().startsWith("en");
		String lang = english ? "en" : "zh-CN";
		List<TrackingView.Step> timeline = appeal.getTimeline()
			.stream()
			.sorted(Comparator.comparing((org.waystation.intake.appeal.TimelineEntry entry) -> entry.at())
				.thenComparing((entry) -> entry.status().ordinal()))
			.map((entry) -> new TrackingView.Step(entry.status(), entry.eventType(), this.texts.step(entry, english),
					entry.at(), entry.department(), departmentName(entry.department(), lang),
					this.texts.note(entry, english), entry.dueAt()))
			.toList();
		return new TrackingView(appeal.getId(), appeal.getTrackingCode(), appeal.getStatus(),
				appeal.getStatus().describe(english), this.texts.nextStep(appeal.getStatus(), english),
				appeal.getText(), appeal.getChannel().name(), appeal.getDistrict(),
				PhoneNumbers.mask(appeal.getPhone()), appeal.getCategory(),
				this.taxonomy.category(appeal.getCategory()).map((c) -> c.name(lang)).orElse(null),
				appeal.getDepartment(), departmentName(appeal.getDepartment(), lang), appeal.getResolution(),
				appeal.getResolveDueAt(), deadlineText(appeal, english), question(appeal),
				appeal.getRatingCaseId() != null, appeal.getRating(), this.texts.rating(appeal.getRating(), english),
				appeal.getMergedIntoTrackingCode(), appeal.getSubmittedAt(), appeal.getUpdatedAt(), timeline);
	}

	/** The worker answers the department's question. 202: passed on to the department. */
	@PostMapping("/{trackingCode}/answers")
	@RolesAllowed(Roles.WORKER)
	ResponseEntity<TrackingView> answer(Caller caller, @PathVariable String trackingCode,
			@Valid @RequestBody AnswerRequest request,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
		Appeal answered = this.appeals.answer(this.appeals.ownedBy(trackingCode, caller.subject()),
				request.answer().strip());
		return ResponseEntity.accepted().body(view(answered, language));
	}

	/** The worker rates the resolution. 202: passed on to the department. */
	@PostMapping("/{trackingCode}/rating")
	@RolesAllowed(Roles.WORKER)
	ResponseEntity<TrackingView> rate(Caller caller, @PathVariable String trackingCode,
			@Valid @RequestBody RatingRequest request,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
		Appeal rated = this.appeals.rate(this.appeals.ownedBy(trackingCode, caller.subject()), request.rating(),
				(request.comment() != null) ? request.comment().strip() : null);
		return ResponseEntity.accepted().body(view(rated, language));
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

	/** The deadline in words while the appeal is still being handled. */
	private String deadlineText(Appeal appeal, boolean english) {
		return switch (appeal.getStatus()) {
			case CLOSED, RESOLVED, RATED, MERGED -> null;
			default -> this.texts.expected(appeal.getResolveDueAt(), english);
		};
	}

	/**
	 * @param nextStep what happens next, or what the worker should do, in plain words
	 * @param text the worker's own words, as submitted
	 * @param deadline when the department must have resolved it
	 * @param deadlineText the same as a date in the appeal's time zone ("预计12月22日前办结")
	 * while it is being handled
	 * @param question a question waiting for the worker's answer
	 * @param canRate a resolution is waiting for the worker's rating
	 */
	record TrackingView(String appealId, String trackingCode, AppealStatus status, String statusText, String nextStep,
			String text, String channel, String district, String phone, String category, String categoryName,
			String department, String departmentName, String resolution, Instant deadline, String deadlineText,
			Question question, boolean canRate, String rating, String ratingText, String mergedInto,
			Instant submittedAt, Instant updatedAt, List<Step> timeline) {

		record Question(String text, Instant askedAt) {

		}

		/**
		 * @param dueAt the deadline the step set, if it set one
		 */
		record Step(AppealStatus status, String event, String text, Instant at, String department,
				String departmentName, String note, Instant dueAt) {

		}

	}

}
