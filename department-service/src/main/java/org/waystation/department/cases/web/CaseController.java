package org.waystation.department.cases.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waystation.department.cases.Case;
import org.waystation.department.cases.CaseFilter;
import org.waystation.department.cases.CaseService;
import org.waystation.department.cases.CaseStatus;
import org.waystation.department.cases.IllegalTransitionException;
import org.waystation.events.Taxonomy;
import org.waystation.support.web.ApiException;

/** The staff console's API: queues, and every action on a case. */
@RestController
class CaseController {

	private static final String STAFF_SIZE = "must be at most 64 characters";

	private static final String TEXT_SIZE = "must be at most 2000 characters";

	private final CaseService cases;

	private final Clock clock;

	private final Taxonomy taxonomy = Taxonomy.standard();

	CaseController(CaseService cases, Optional<Clock> clock) {
		this.cases = cases;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** A department's queue, by resolve deadline (or opening), filtered. */
	@GetMapping("/api/v1/departments/{code}/cases")
	QueueView queue(@PathVariable String code, @RequestParam(required = false) List<CaseStatus> status,
			@RequestParam(required = false) String priority, @RequestParam(required = false) String category,
			@RequestParam(required = false) String district, @RequestParam(required = false) String assignee,
			@RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String dueBefore,
			@RequestParam(defaultValue = "due") @Pattern(regexp = "due|opened",
					message = "must be due or opened") String sort,
			@RequestParam(defaultValue = "0") @Min(value = 0, message = "must be 0 or more") int page,
			@RequestParam(defaultValue = "20") @Min(value = 1, message = "must be between 1 and 100") @Max(value = 100,
					message = "must be between 1 and 100") int size,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
		Taxonomy.Entry department = this.taxonomy.department(code)
			.orElseThrow(() -> ApiException.notFound("department-not-found",
					"No department has code " + code + "; codes are listed in taxonomy.md"));
		CaseService.Page found = this.cases.queue(new CaseFilter(department.code(), status, priority, category,
				district, assignee, overdue, instant("dueBefore", dueBefore), sort), page, size);
		return new QueueView(department.code(), department.name(language), status, page, size, found.total(),
				found.cases().stream().map((c) -> CaseView.of(c, now())).toList());
	}

	/**
	 * Cases of every department, such as the returned ones triage reviews
	 * ({@code ?status=RETURNED}).
	 */
	@GetMapping("/api/v1/cases")
	QueueView all(@RequestParam(required = false) List<CaseStatus> status,
			@RequestParam(required = false) Boolean overdue,
			@RequestParam(defaultValue = "0") @Min(value = 0, message = "must be 0 or more") int page,
			@RequestParam(defaultValue = "20") @Min(value = 1, message = "must be between 1 and 100") @Max(value = 100,
					message = "must be between 1 and 100") int size) {
		CaseService.Page found = this.cases
			.queue(new CaseFilter(null, status, null, null, null, null, overdue, null, "opened"), page, size);
		return new QueueView(null, null, status, page, size, found.total(),
				found.cases().stream().map((c) -> CaseView.of(c, now())).toList());
	}

	@GetMapping("/api/v1/cases/{caseId}")
	CaseView get(@PathVariable String caseId) {
		Case found = this.cases.find(caseId)
			.orElseThrow(() -> new ApiException(org.springframework.http.HttpStatus.NOT_FOUND, "case-not-found",
					"No case has id " + caseId));
		return CaseView.of(found, now(), this.cases.mergedInto(caseId).stream().map(Case::getId).toList());
	}

	@PostMapping("/api/v1/cases/{caseId}/claim")
	CaseView claim(@PathVariable String caseId, @Valid @RequestBody StaffRequest request) {
		return view(this.cases.claim(caseId, required("staff", request.staff())));
	}

	/** A supervisor assigns the case to someone, or asks for the next on duty in turn. */
	@PostMapping("/api/v1/cases/{caseId}/assign")
	CaseView assign(@PathVariable String caseId, @Valid @RequestBody AssignRequest request) {
		if (request.roundRobin()) {
			return view(this.cases.assignRoundRobin(caseId));
		}
		return view(this.cases.assign(caseId, required("staff", request.staff()),
				required("supervisor", request.supervisor())));
	}

	@PostMapping("/api/v1/cases/{caseId}/sign")
	CaseView sign(@PathVariable String caseId, @Valid @RequestBody(required = false) StaffRequest request) {
		return view(this.cases.sign(caseId, staff(request)));
	}

	@PostMapping("/api/v1/cases/{caseId}/start")
	CaseView start(@PathVariable String caseId, @Valid @RequestBody(required = false) StaffRequest request) {
		return view(this.cases.start(caseId, staff(request)));
	}

	/** An internal note: colleagues see it, the worker does not. */
	@PostMapping("/api/v1/cases/{caseId}/notes")
	CaseView note(@PathVariable String caseId, @Valid @RequestBody TextRequest request) {
		return view(this.cases.note(caseId, request.text().strip(), request.staff()));
	}

	/** A reply to the worker, shown in their tracking view and sent to them. */
	@PostMapping("/api/v1/cases/{caseId}/replies")
	CaseView reply(@PathVariable String caseId, @Valid @RequestBody TextRequest request) {
		return view(this.cases.reply(caseId, request.text().strip(), request.staff()));
	}

	/** Ask the worker for information; the resolve clock pauses until they answer. */
	@PostMapping("/api/v1/cases/{caseId}/info-requests")
	CaseView requestInfo(@PathVariable String caseId, @Valid @RequestBody TextRequest request) {
		return view(this.cases.requestInfo(caseId, request.text().strip(), request.staff()));
	}

	/**
	 * Ask for more time, as an ISO-8601 duration of the case's clock ("PT14H": two
	 * working days).
	 */
	@PostMapping("/api/v1/cases/{caseId}/extension")
	CaseView requestExtension(@PathVariable String caseId, @Valid @RequestBody ExtensionRequestBody request) {
		Duration extension;
		try {
			extension = Duration.parse(request.extension());
		}
		catch (DateTimeParseException ex) {
			throw ApiException.badRequest("extension", "must be an ISO-8601 duration such as PT14H");
		}
		if (extension.isNegative() || extension.isZero() || extension.compareTo(Duration.ofDays(90)) > 0) {
			throw ApiException.badRequest("extension", "must be positive and at most P90D");
		}
		return view(this.cases.requestExtension(caseId, extension, request.reason().strip(), request.staff()));
	}

	@PostMapping("/api/v1/cases/{caseId}/extension/approve")
	CaseView approveExtension(@PathVariable String caseId, @Valid @RequestBody SupervisorRequest request) {
		return view(this.cases.decideExtension(caseId, required("supervisor", request.supervisor()), true, null));
	}

	@PostMapping("/api/v1/cases/{caseId}/extension/reject")
	CaseView rejectExtension(@PathVariable String caseId, @Valid @RequestBody SupervisorRequest request) {
		return view(this.cases.decideExtension(caseId, required("supervisor", request.supervisor()), false,
				request.reason()));
	}

	/**
	 * Return the case (退单) as not the department's own, within one working day of
	 * signing.
	 */
	@PostMapping("/api/v1/cases/{caseId}/return")
	CaseView returnCase(@PathVariable String caseId, @Valid @RequestBody ReasonRequest request) {
		return view(this.cases.returnCase(caseId, request.reason().strip(), request.staff()));
	}

	/**
	 * Triage sends the case to another department (改派), optionally naming the category
	 * (the new case gets it, and routing learns from it).
	 */
	@PostMapping("/api/v1/cases/{caseId}/redispatch")
	CaseView redispatch(@PathVariable String caseId, @Valid @RequestBody RedispatchRequest request) {
		if (this.taxonomy.department(request.department()).isEmpty()) {
			throw ApiException.badRequest("department", "is not a department code: " + request.department());
		}
		if (request.category() != null && this.taxonomy.category(request.category()).isEmpty()) {
			throw ApiException.badRequest("category", "is not a category code: " + request.category());
		}
		return view(this.cases.redispatch(caseId, request.department(), request.category(), request.staff(),
				request.note()));
	}

	@PostMapping("/api/v1/cases/{caseId}/resolve")
	CaseView resolve(@PathVariable String caseId, @Valid @RequestBody ResolveRequest request) {
		return view(this.cases.resolve(caseId, request.resolution().strip(), request.staff()));
	}

	/**
	 * A supervisor closes a case after a second dissatisfaction (or any resolved case).
	 */
	@PostMapping("/api/v1/cases/{caseId}/close")
	CaseView close(@PathVariable String caseId, @Valid @RequestBody SupervisorRequest request) {
		return view(this.cases.close(caseId, required("supervisor", request.supervisor()),
				request.resolved() == null || request.resolved(), request.reason()));
	}

	/** Merge this case (并单) into another about the same matter. */
	@PostMapping("/api/v1/cases/{caseId}/merge")
	CaseView merge(@PathVariable String caseId, @Valid @RequestBody MergeRequest request) {
		return view(this.cases.merge(caseId, request.intoCaseId(), request.staff()));
	}

	@ExceptionHandler(CaseService.CaseNotFoundException.class)
	ApiException caseNotFound(CaseService.CaseNotFoundException ex) {
		return ApiException.notFound("case-not-found", ex.getMessage());
	}

	@ExceptionHandler(IllegalTransitionException.class)
	ApiException illegalTransition(IllegalTransitionException ex) {
		ApiException conflict = ApiException.conflict("illegal-transition", ex.getMessage());
		conflict.getBody().setProperty("caseStatus", ex.current());
		return conflict;
	}

	@ExceptionHandler(CaseService.ConcurrentChangeException.class)
	ApiException concurrentChange(CaseService.ConcurrentChangeException ex) {
		return ApiException.conflict("concurrent-change", ex.getMessage());
	}

	@ExceptionHandler(CaseService.ForbiddenException.class)
	ApiException forbidden(CaseService.ForbiddenException ex) {
		return new ApiException(org.springframework.http.HttpStatus.FORBIDDEN, "forbidden", ex.getMessage());
	}

	private CaseView view(Case c) {
		return CaseView.of(c, now());
	}

	private Instant now() {
		return this.clock.instant();
	}

	private static String staff(StaffRequest request) {
		return (request != null) ? request.staff() : null;
	}

	private static String required(String field, String value) {
		if (value == null || value.isBlank()) {
			throw ApiException.badRequest(field, "is required");
		}
		return value.strip();
	}

	private static Instant instant(String field, String value) {
		if (value == null) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw ApiException.badRequest(field, "must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
		}
	}

	record StaffRequest(@Size(max = 64, message = STAFF_SIZE) String staff) {

	}

	record AssignRequest(@Size(max = 64, message = STAFF_SIZE) String staff,
			@Size(max = 64, message = STAFF_SIZE) String supervisor, boolean roundRobin) {

	}

	record TextRequest(@NotBlank(message = "is required") @Size(max = 2000, message = TEXT_SIZE) String text,
			@Size(max = 64, message = STAFF_SIZE) String staff) {

	}

	record ExtensionRequestBody(@NotBlank(message = "is required") String extension,
			@NotBlank(message = "is required") @Size(max = 500,
					message = "must be at most 500 characters") String reason,
			@Size(max = 64, message = STAFF_SIZE) String staff) {

	}

	record SupervisorRequest(@Size(max = 64, message = STAFF_SIZE) String supervisor,
			@Size(max = 500, message = "must be at most 500 characters") String reason, Boolean resolved) {

	}

	record ReasonRequest(
			@NotBlank(message = "is required") @Size(max = 500,
					message = "must be at most 500 characters") String reason,
			@Size(max = 64, message = STAFF_SIZE) String staff) {

	}

	record RedispatchRequest(@NotBlank(message = "is required") String department, String category,
			@Size(max = 64, message = STAFF_SIZE) String staff,
			@Size(max = 500, message = "must be at most 500 characters") String note) {

	}

	record ResolveRequest(@NotBlank(message = "is required and must not be blank") @Size(max = 2000,
			message = TEXT_SIZE) String resolution, @Size(max = 64, message = STAFF_SIZE) String staff) {

	}

	record MergeRequest(@NotBlank(message = "is required") String intoCaseId,
			@Size(max = 64, message = STAFF_SIZE) String staff) {

	}

	record QueueView(String department, String departmentName, List<CaseStatus> status, int page, int size, long total,
			List<CaseView> items) {

	}

}
