package org.waystation.department.cases.web;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
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
import org.waystation.department.cases.CaseService;
import org.waystation.department.cases.CaseStatus;
import org.waystation.department.cases.IllegalTransitionException;
import org.waystation.events.Taxonomy;
import org.waystation.support.web.ApiException;

@RestController
class CaseController {

	private final CaseService cases;

	private final Taxonomy taxonomy = Taxonomy.standard();

	CaseController(CaseService cases) {
		this.cases = cases;
	}

	/** A department's queue, oldest first, optionally of one status. */
	@GetMapping("/api/v1/departments/{code}/cases")
	QueueView queue(@PathVariable String code, @RequestParam(required = false) CaseStatus status,
			@RequestParam(defaultValue = "0") @Min(value = 0, message = "must be 0 or more") int page,
			@RequestParam(defaultValue = "20") @Min(value = 1, message = "must be between 1 and 100") @Max(value = 100,
					message = "must be between 1 and 100") int size,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
		Taxonomy.Entry department = this.taxonomy.department(code)
			.orElseThrow(() -> ApiException.notFound("department-not-found",
					"No department has code " + code + "; codes are listed in taxonomy.md"));
		CaseService.Page found = this.cases.queue(department.code(), status, page, size);
		return new QueueView(department.code(), department.name(language), status, page, size, found.total(),
				found.cases().stream().map(CaseView::of).toList());
	}

	@GetMapping("/api/v1/cases/{caseId}")
	CaseView get(@PathVariable String caseId) {
		return CaseView.of(this.cases.find(caseId).orElseThrow(() -> notFound(caseId)));
	}

	/** Sign for (签收) a case: the department accepts it as its own. */
	@PostMapping("/api/v1/cases/{caseId}/sign")
	CaseView sign(@PathVariable String caseId, @Valid @RequestBody(required = false) SignRequest request) {
		return CaseView.of(this.cases.sign(caseId, (request != null) ? request.staff() : null));
	}

	/** Resolve (办结) a case with a written resolution the worker will read. */
	@PostMapping("/api/v1/cases/{caseId}/resolve")
	CaseView resolve(@PathVariable String caseId, @Valid @RequestBody ResolveRequest request) {
		return CaseView.of(this.cases.resolve(caseId, request.resolution().strip(), request.staff()));
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

	private static ApiException notFound(String caseId) {
		return ApiException.notFound("case-not-found", "No case has id " + caseId);
	}

	record SignRequest(@Size(max = 64, message = "must be at most 64 characters") String staff) {

	}

	record ResolveRequest(
			@NotBlank(message = "is required and must not be blank") @Size(max = 2000,
					message = "must be at most 2000 characters") String resolution,
			@Size(max = 64, message = "must be at most 64 characters") String staff) {

	}

	record QueueView(String department, String departmentName, CaseStatus status, int page, int size, long total,
			List<CaseView> items) {

	}

	record CaseView(String caseId, String appealId, String trackingCode, String department, String category,
			String appealType, String priority, CaseStatus status, Instant openedAt, Instant signedAt, String signedBy,
			Instant resolvedAt, String resolvedBy, String resolution) {

		static CaseView of(Case found) {
			return new CaseView(found.getId(), found.getAppealId(), found.getTrackingCode(), found.getDepartment(),
					found.getCategory(), found.getAppealType(), found.getPriority(), found.getStatus(),
					found.getOpenedAt(), found.getSignedAt(), found.getSignedBy(), found.getResolvedAt(),
					found.getResolvedBy(), found.getResolution());
		}

	}

}
