package org.waystation.department.cases.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonAlias;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waystation.department.cases.Case;
import org.waystation.department.cases.CaseAccess;
import org.waystation.department.cases.CaseFilter;
import org.waystation.department.cases.CaseService;
import org.waystation.department.cases.CaseStatus;
import org.waystation.events.Taxonomy;
import org.waystation.support.privacy.PhoneNumbers;
import org.waystation.support.privacy.WorkerIds;
import org.waystation.support.security.Caller;
import org.waystation.support.security.Roles;
import org.waystation.support.problem.ProblemException;
import org.waystation.support.web.RequestValues;
import org.waystation.support.web.validation.CodePoints;

/**
 * The staff console's API: queues, and every action on a case. Who acts is the token's
 * subject; a {@code staff} or {@code supervisor} field a client still sends is ignored.
 */
@RestController
class CaseController {

	private static final String STAFF_SIZE = "must be at most 64 characters";

	private final CaseService cases;

	private final Clock clock;

	private static final List<CaseStatus> ACTIVE = List.of(CaseStatus.OPEN, CaseStatus.SIGNED, CaseStatus.IN_PROGRESS,
			CaseStatus.WAITING_FOR_WORKER, CaseStatus.REOPENED);

	private final Taxonomy taxonomy = Taxonomy.standard();

	private final WorkerIds workerIds;

	CaseController(CaseService cases, WorkerIds workerIds, Optional<Clock> clock) {
		this.cases = cases;
		this.workerIds = workerIds;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** A department's queue, by resolve deadline (or opening), filtered. */
	@GetMapping("/api/v1/departments/{code}/cases")
	@RolesAllowed({ Roles.STAFF, Roles.TRIAGE, Roles.SUPERVISOR })
	QueueView queue(Caller caller, @PathVariable String code, @RequestParam(required = false) List<CaseStatus> status,
			@RequestParam(required = false) String priority, @RequestParam(required = false) String category,
			@RequestParam(required = false) String district, @RequestParam(required = false) String assignee,
			@RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String dueBefore,
			@RequestParam(required = false) Boolean escalated, @RequestParam(required = false) Boolean paused,
			@RequestParam(required = false) @Size(max = 32,
					message = "must be at most 32 characters") String trackingCode,
			@RequestParam(required = false) @Size(max = 32, message = "must be at most 32 characters") String phone,
			@RequestParam(required = false) @Size(max = 100, message = "must be at most 100 characters") String q,
			@RequestParam(defaultValue = "due") @Pattern(regexp = "due|opened",
					message = "must be due or opened") String sort,
			@RequestParam(defaultValue = "0") @Min(value = 0, message = "must be 0 or more") int page,
			@RequestParam(defaultValue = "20") @Min(value = 1, message = "must be between 1 and 100") @Max(value = 100,
					message = "must be between 1 and 100") int size,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
		Taxonomy.Entry department = ownQueue(caller, code);
		String workerId = null;
		if (phone != null) {
			workerId = PhoneNumbers.normalize(phone)
				.map(this.workerIds::of)
				.orElseThrow(() -> ProblemException.invalid("phone",
						"must be a mainland mobile (13812345678) or a landline with area code (010-65123456)"));
		}
		if (priority != null && this.taxonomy.priority(priority).isEmpty()) {
			throw ProblemException.invalid("priority", "is not a priority code: " + priority);
		}
		if (category != null && this.taxonomy.category(category).isEmpty()) {
			throw ProblemException.invalid("category", "is not a category code: " + category);
		}
		CaseService.Page found = this.cases.queue(new CaseFilter(department.code(), status, priority, category,
				district, assignee, overdue, instant("dueBefore", dueBefore), sort, escalated, paused, null, null,
				blankToNull(trackingCode), workerId, words(q)), page, size);
		return new QueueView(department.code(), department.name(language), status, page, size, found.total(),
				found.cases().stream().map((c) -> CaseView.of(c, now())).toList());
	}

	/**
	 * How many cases each of a department's working queues holds: the caller's own, the
	 * unassigned, those due within a working day, the breached, the returned and those
	 * waiting for the worker.
	 */
	@GetMapping("/api/v1/departments/{code}/queues")
	@RolesAllowed({ Roles.STAFF, Roles.TRIAGE, Roles.SUPERVISOR })
	QueueCounts queueCounts(Caller caller, @PathVariable String code) {
		Taxonomy.Entry department = ownQueue(caller, code);
		CaseFilter active = CaseFilter.of(department.code()).withStatuses(ACTIVE);
		return new QueueCounts(department.code(), this.cases.count(active),
				this.cases.count(active.withAssignee(caller.subject())), this.cases.count(active.withAssignee("")),
				this.cases.count(active.withOverdue(false).withDueBefore(now().plus(Duration.ofDays(1)))),
				this.cases.count(CaseFilter.of(department.code()).withOverdue(true)),
				this.cases.count(CaseFilter.of(department.code()).withStatuses(List.of(CaseStatus.RETURNED))),
				this.cases.count(CaseFilter.of(department.code()).withStatuses(List.of(CaseStatus.WAITING_FOR_WORKER))),
				this.cases.count(active.withEscalated(true)), this.cases.count(active.withExtensionPending(true)));
	}

	private Taxonomy.Entry ownQueue(Caller caller, String code) {
		Taxonomy.Entry department = this.taxonomy.department(code)
			.orElseThrow(() -> ProblemException.notFound("department-not-found", "No department has code " + code
					+ "; department codes are the taxonomy's, such as HRSS or TRANSPORT"));
		if (!caller.maySee(department.code())) {
			throw ProblemException.forbidden("You may see only the queues of your own department");
		}
		return department;
	}

	/**
	 * Cases across departments: for the triage desk the returned ones it reviews
	 * ({@code ?status=RETURNED}, the default for it), for supervisors those of the
	 * departments they oversee.
	 */
	@GetMapping("/api/v1/cases")
	@RolesAllowed({ Roles.TRIAGE, Roles.SUPERVISOR })
	QueueView all(Caller caller, @RequestParam(required = false) List<CaseStatus> status,
			@RequestParam(required = false) Boolean overdue,
			@RequestParam(defaultValue = "0") @Min(value = 0, message = "must be 0 or more") int page,
			@RequestParam(defaultValue = "20") @Min(value = 1, message = "must be between 1 and 100") @Max(value = 100,
					message = "must be between 1 and 100") int size) {
		String department = null;
		List<CaseStatus> statuses = status;
		if (!caller.has(Roles.SUPERVISOR)) {
			if (status != null && !status.isEmpty() && !List.of(CaseStatus.RETURNED).equals(status)) {
				throw ProblemException.forbidden("The triage desk lists the returned cases of other departments only");
			}
			statuses = List.of(CaseStatus.RETURNED);
		}
		else {
			department = caller.supervisionScope();
		}
		CaseService.Page found = this.cases.queue(
				CaseFilter.of(department).withStatuses(statuses).withOverdue(overdue).sortedBy("opened"), page, size);
		return new QueueView(department, null, statuses, page, size, found.total(),
				found.cases().stream().map((c) -> CaseView.of(c, now())).toList());
	}

	@GetMapping("/api/v1/cases/{caseId}")
	@RolesAllowed({ Roles.STAFF, Roles.TRIAGE, Roles.SUPERVISOR })
	CaseView get(Caller caller, @PathVariable String caseId) {
		Case found = visible(caller, caseId);
		return CaseView.of(found, now(), this.cases.mergedInto(caseId).stream().map(Case::getId).toList(),
				found.getHistory(), this.cases.ofSameAppeal(found).stream().map(CaseView.Related::of).toList());
	}

	/** A member of staff takes the case for themselves. */
	@PostMapping("/api/v1/cases/{caseId}/claim")
	@RolesAllowed({ Roles.STAFF, Roles.TRIAGE })
	CaseView claim(Caller caller, @PathVariable String caseId) {
		CaseAccess.requireCaseWork(caller, visible(caller, caseId));
		return view(this.cases.claim(caseId, caller.subject()));
	}

	/** A supervisor assigns the case to someone, or asks for the next on duty in turn. */
	@PostMapping("/api/v1/cases/{caseId}/assign")
	@RolesAllowed(Roles.SUPERVISOR)
	CaseView assign(Caller caller, @PathVariable String caseId, @Valid @RequestBody AssignRequest request) {
		CaseAccess.requireSupervisor(caller, visible(caller, caseId));
		if (Boolean.TRUE.equals(request.roundRobin())) {
			return view(this.cases.assignRoundRobin(caseId));
		}
		return view(this.cases.assign(caseId, required("assignee", request.assignee()), caller.subject()));
	}

	@PostMapping("/api/v1/cases/{caseId}/sign")
	@RolesAllowed({ Roles.STAFF, Roles.TRIAGE })
	CaseView sign(Caller caller, @PathVariable String caseId) {
		CaseAccess.requireCaseWork(caller, visible(caller, caseId));
		return view(this.cases.sign(caseId, caller.subject()));
	}

	@PostMapping("/api/v1/cases/{caseId}/start")
	@RolesAllowed({ Roles.STAFF, Roles.TRIAGE })
	CaseView start(Caller caller, @PathVariable String caseId) {
		CaseAccess.requireCaseWork(caller, visible(caller, caseId));
		return view(this.cases.start(caseId, caller.subject()));
	}

	/** An internal note: colleagues see it, the worker does not. */
	@PostMapping("/api/v1/cases/{caseId}/notes")
	@RolesAllowed({ Roles.STAFF, Roles.TRIAGE, Roles.SUPERVISOR })
	CaseView note(Caller caller, @PathVariable String caseId, @Valid @RequestBody TextRequest request) {
		CaseAccess.requireNoteTaker(caller, visible(caller, caseId));
		return view(this.cases.note(caseId, request.text().strip(), caller.subject()));
	}

	/** A reply to the worker, shown in their tracking view and sent to them. */
	@PostMapping("/api/v1/cases/{caseId}/replies")
	@RolesAllowed({ Roles.STAFF, Roles.TRIAGE })
	CaseView reply(Caller caller, @PathVariable String caseId, @Valid @RequestBody TextRequest request) {
		CaseAccess.requireCaseWork(caller, visible(caller, caseId));
		return view(this.cases.reply(caseId, request.text().strip(), caller.subject()));
	}

	/** Ask the worker for information; the resolve clock pauses until they answer. */
	@PostMapping("/api/v1/cases/{caseId}/info-requests")
	@RolesAllowed({ Roles.STAFF, Roles.TRIAGE })
	CaseView requestInfo(Caller caller, @PathVariable String caseId, @Valid @RequestBody TextRequest request) {
		CaseAccess.requireCaseWork(caller, visible(caller, caseId));
		return view(this.cases.requestInfo(caseId, request.text().strip(), caller.subject()));
	}

	/**
	 * Ask for more time, as an ISO-8601 duration of the case's clock ("PT14H": two
	 * working days).
	 */
	@PostMapping("/api/v1/cases/{caseId}/extension")
	@RolesAllowed({ Roles.STAFF, Roles.TRIAGE })
	CaseView requestExtension(Caller caller, @PathVariable String caseId,
			@Valid @RequestBody ExtensionRequestBody request) {
		CaseAccess.requireCaseWork(caller, visible(caller, caseId));
		Duration extension;
		try {
			extension = Duration.parse(request.extension());
		}
		catch (DateTimeParseException ex) {
			throw ProblemException.invalid("extension", "must be an ISO-8601 duration such as PT14H");
		}
		if (extension.isNegative() || extension.isZero() || extension.compareTo(Duration.ofDays(90)) > 0) {
			throw ProblemException.invalid("extension", "must be positive and at most P90D");
		}
		return view(this.cases.requestExtension(caseId, extension, request.reason().strip(), caller.subject()));
	}

	@PostMapping("/api/v1/cases/{caseId}/extension/approve")
	@RolesAllowed(Roles.SUPERVISOR)
	CaseView approveExtension(Caller caller, @PathVariable String caseId,
			@Valid @RequestBody(required = false) SupervisorRequest request) {
		CaseAccess.requireSupervisor(caller, visible(caller, caseId));
		return view(this.cases.decideExtension(caseId, caller.subject(), true, null));
	}

	@PostMapping("/api/v1/cases/{caseId}/extension/reject")
	@RolesAllowed(Roles.SUPERVISOR)
	CaseView rejectExtension(Caller caller, @PathVariable String caseId,
			@Valid @RequestBody(required = false) SupervisorRequest request) {
		CaseAccess.requireSupervisor(caller, visible(caller, caseId));
		return view(this.cases.decideExtension(caseId, caller.subject(), false,
				(request != null) ? request.reason() : null));
	}

	/**
	 * Return the case (退单) as not the department's own, within one working day of
	 * signing.
	 */
	@PostMapping("/api/v1/cases/{caseId}/return")
	@RolesAllowed({ Roles.STAFF, Roles.TRIAGE })
	CaseView returnCase(Caller caller, @PathVariable String caseId, @Valid @RequestBody ReturnRequest request) {
		CaseAccess.requireCaseWork(caller, visible(caller, caseId));
		return view(this.cases.returnCase(caseId, request.reason().strip(), request.basis().strip(), caller.subject()));
	}

	/**
	 * The triage desk reviews a return and rejects it, with a reason: the case goes back
	 * to its department with its deadlines as they were.
	 */
	@PostMapping("/api/v1/cases/{caseId}/return/reject")
	@RolesAllowed(Roles.TRIAGE)
	CaseView rejectReturn(Caller caller, @PathVariable String caseId, @Valid @RequestBody ReasonRequest request) {
		CaseAccess.requireTriage(caller, visible(caller, caseId));
		return view(this.cases.rejectReturn(caseId, request.reason().strip(), caller.subject()));
	}

	/**
	 * Triage sends the case to another department (改派), optionally naming the category
	 * (the new case gets it, and routing learns from it).
	 */
	@PostMapping("/api/v1/cases/{caseId}/redispatch")
	@RolesAllowed(Roles.TRIAGE)
	CaseView redispatch(Caller caller, @PathVariable String caseId, @Valid @RequestBody RedispatchRequest request) {
		CaseAccess.requireTriage(caller, visible(caller, caseId));
		if (this.taxonomy.department(request.department()).isEmpty()) {
			throw ProblemException.invalid("department", "is not a department code: " + request.department());
		}
		if (request.category() != null && this.taxonomy.category(request.category()).isEmpty()) {
			throw ProblemException.invalid("category", "is not a category code: " + request.category());
		}
		return view(this.cases.redispatch(caseId, request.department(), request.category(), caller.subject(),
				request.note()));
	}

	@PostMapping("/api/v1/cases/{caseId}/resolve")
	@RolesAllowed({ Roles.STAFF, Roles.TRIAGE })
	CaseView resolve(Caller caller, @PathVariable String caseId, @Valid @RequestBody ResolveRequest request) {
		CaseAccess.requireCaseWork(caller, visible(caller, caseId));
		return view(this.cases.resolve(caseId, request.resolution().strip(), caller.subject()));
	}

	/**
	 * A supervisor closes a case after a second dissatisfaction (or any resolved case).
	 */
	@PostMapping("/api/v1/cases/{caseId}/close")
	@RolesAllowed(Roles.SUPERVISOR)
	CaseView close(Caller caller, @PathVariable String caseId,
			@Valid @RequestBody(required = false) SupervisorRequest request) {
		CaseAccess.requireSupervisor(caller, visible(caller, caseId));
		boolean resolved = request == null || request.resolved() == null || request.resolved();
		return view(this.cases.close(caseId, caller.subject(), resolved, (request != null) ? request.reason() : null));
	}

	/** Merge this case (并单) into another about the same matter. */
	@PostMapping("/api/v1/cases/{caseId}/merge")
	@RolesAllowed({ Roles.STAFF, Roles.TRIAGE })
	CaseView merge(Caller caller, @PathVariable String caseId, @Valid @RequestBody MergeRequest request) {
		Case merged = visible(caller, caseId);
		Case into = visible(caller, request.intoCaseId());
		CaseAccess.requireMerge(caller, merged, into);
		return view(this.cases.merge(caseId, request.intoCaseId(), caller.subject()));
	}

	private Case visible(Caller caller, String caseId) {
		return CaseAccess.visible(caller, this.cases.find(caseId).orElse(null));
	}

	private CaseView view(Case c) {
		return CaseView.of(c, now());
	}

	private Instant now() {
		return this.clock.instant();
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/** The words of a search, at most five. */
	private static List<String> words(String q) {
		if (q == null || q.isBlank()) {
			return null;
		}
		List<String> words = List.of(q.strip().split("\\s+"));
		if (words.size() > 5) {
			throw ProblemException.invalid("q", "must have at most 5 words");
		}
		return words;
	}

	private static String required(String field, String value) {
		if (value == null || value.isBlank()) {
			throw ProblemException.invalid(field, "is required");
		}
		return value.strip();
	}

	private static Instant instant(String field, String value) {
		return RequestValues.instant(field, value);
	}

	/**
	 * @param assignee the username of the member of staff to give the case to
	 * @param roundRobin give it to the next member of staff on duty instead
	 */
	record AssignRequest(@JsonAlias("staff") @Size(max = 64, message = STAFF_SIZE) String assignee,
			Boolean roundRobin) {

	}

	record TextRequest(@NotBlank(message = "is required") @CodePoints(max = 2000) String text) {

	}

	record ExtensionRequestBody(@NotBlank(message = "is required") String extension,
			@NotBlank(message = "is required") @CodePoints(max = 500) String reason) {

	}

	record SupervisorRequest(@CodePoints(max = 500) String reason, Boolean resolved) {

	}

	record ReasonRequest(@NotBlank(message = "is required") @CodePoints(max = 500) String reason) {

	}

	/**
	 * @param basis the rule, duty list or law under which the case is not the
	 * department's
	 */
	record ReturnRequest(@NotBlank(message = "is required") @CodePoints(max = 500) String reason,
			@NotBlank(
					message = "is required: the rule, duty list or law under which the case is not yours") @CodePoints(
							max = 500) String basis) {

	}

	record RedispatchRequest(@NotBlank(message = "is required") String department, String category,
			@CodePoints(max = 500) String note) {

	}

	record ResolveRequest(
			@NotBlank(message = "is required and must not be blank") @CodePoints(max = 2000) String resolution) {

	}

	record MergeRequest(@NotBlank(message = "is required") String intoCaseId) {

	}

	/**
	 * @param total the department's cases still being handled
	 * @param dueSoon of those, the ones whose resolve deadline falls within a day and has
	 * not passed
	 */
	record QueueCounts(String department, long total, long mine, long unassigned, long dueSoon, long breached,
			long returned, long waitingForWorker, long escalated, long extensionPending) {

	}

	record QueueView(String department, String departmentName, List<CaseStatus> status, int page, int size, long total,
			List<CaseView> items) {

	}

}
