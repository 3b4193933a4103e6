package org.waystation.routing.rules.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waystation.routing.rules.RoutingRule;
import org.waystation.routing.rules.RoutingRules;
import org.waystation.support.security.Caller;
import org.waystation.support.security.Roles;
import org.waystation.support.web.validation.CodePoints;
import org.waystation.support.problem.ProblemException;

/**
 * Administrators list, create, change, disable and enable routing rules; supervisors and
 * the triage desk may read them. A change is recorded under the administrator's token
 * subject and may name the revision it was based on ({@code revision} or
 * {@code If-Match}), answered with 409 when someone changed the rule in between. Rules
 * are never deleted: disabling keeps the history.
 */
@RestController
@Validated
@RequestMapping("/api/v1/admin/routing-rules")
class RoutingRuleController {

	private final RoutingRules rules;

	RoutingRuleController(RoutingRules rules) {
		this.rules = rules;
	}

	@GetMapping
	@RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.TRIAGE })
	RuleList list(@RequestParam(required = false) String category, @RequestParam(required = false) String district,
			@RequestParam(required = false) Boolean enabled) {
		List<RuleView> views = this.rules.list()
			.stream()
			.filter((rule) -> category == null || category.equals(rule.getCategory()))
			.filter((rule) -> district == null || district.equals(rule.getDistrict()))
			.filter((rule) -> enabled == null || enabled == rule.isEnabled())
			.sorted(java.util.Comparator.comparing(RoutingRule::getCategory)
				.thenComparingInt(RoutingRule::specificity)
				.thenComparing(RoutingRule::getId))
			.map((rule) -> RuleView.of(rule, false))
			.toList();
		return new RuleList(this.rules.version(), views);
	}

	@GetMapping("/{id}")
	@RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.TRIAGE })
	RuleView get(@PathVariable String id) {
		return this.rules.find(id)
			.map((rule) -> RuleView.of(rule, true))
			.orElseThrow(() -> ProblemException.notFound("rule-not-found", "There is no routing rule " + id));
	}

	@PostMapping
	@RolesAllowed(Roles.ADMIN)
	ResponseEntity<RuleView> create(Caller caller, @Valid @RequestBody NewRule body) {
		RoutingRule rule = this.rules.create(new RoutingRule.Terms(body.category(), blankToNull(body.district()),
				blankToNull(body.stationId()), body.department(), blankToNull(body.office()), blankToNull(body.note())),
				caller.subject());
		return ResponseEntity.created(URI.create("/api/v1/admin/routing-rules/" + rule.getId()))
			.body(RuleView.of(rule, true));
	}

	@PutMapping("/{id}")
	@RolesAllowed(Roles.ADMIN)
	RuleView update(Caller caller, @PathVariable String id, @Valid @RequestBody RuleChange body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		return RuleView.of(
				this.rules
					.update(id,
							new RoutingRule.Terms(null, null, null, body.department(), blankToNull(body.office()),
									blankToNull(body.note())),
							revision(body.revision(), ifMatch), caller.subject()),
				true);
	}

	/** Disables or enables a rule; disabling keeps it and its history. */
	@PostMapping("/{id}/{action:enable|disable}")
	@RolesAllowed(Roles.ADMIN)
	RuleView enableOrDisable(Caller caller, @PathVariable String id, @PathVariable String action,
			@RequestBody(required = false) RevisionOnly body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		return RuleView.of(this.rules.setEnabled(id, action.equals("enable"),
				revision((body != null) ? body.revision() : null, ifMatch), caller.subject()), true);
	}

	/** Every change (who, when, before and after), newest first. */
	@GetMapping("/audit")
	@RolesAllowed(Roles.ADMIN)
	List<AuditView> audit(@RequestParam(required = false) String ruleId,
			@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
		return this.rules.audit(ruleId, limit)
			.stream()
			.map((entry) -> new AuditView(entry.ruleId(), entry.change().rulesetVersion(), entry.change().action(),
					entry.change().actor(), entry.change().at(), entry.change().before(), entry.change().after()))
			.toList();
	}

	record NewRule(@NotBlank(message = "is required: a category code from the taxonomy") String category,
			@CodePoints(max = 64) String district, @CodePoints(max = 64) String stationId,
			@NotBlank(message = "is required: a department code from the taxonomy") String department,
			@CodePoints(max = 128) String office, @CodePoints(max = 500) String note) {

	}

	record RuleChange(@NotBlank(message = "is required: a department code from the taxonomy") String department,
			@CodePoints(max = 128) String office, @CodePoints(max = 500) String note, Long revision) {

	}

	record RevisionOnly(Long revision) {

	}

	record RuleList(long rulesetVersion, List<RuleView> rules) {

	}

	record RuleView(String id, String category, String district, String stationId, String department, String office,
			String note, boolean enabled, Long revision, long rulesetVersion, Instant updatedAt, String updatedBy,
			List<RoutingRule.Change> history) {

		static RuleView of(RoutingRule rule, boolean withHistory) {
			return new RuleView(rule.getId(), rule.getCategory(), rule.getDistrict(), rule.getStationId(),
					rule.getDepartment(), rule.getOffice(), rule.getNote(), rule.isEnabled(), rule.getRevision(),
					rule.getRulesetVersion(), rule.getUpdatedAt(), rule.getUpdatedBy(),
					withHistory ? rule.getHistory() : null);
		}

	}

	record AuditView(String ruleId, long rulesetVersion, String action, String actor, Instant at,
			RoutingRule.Snapshot before, RoutingRule.Snapshot after) {

	}

	private static Long revision(Long fromBody, String ifMatch) {
		if (fromBody != null) {
			return fromBody;
		}
		if (ifMatch == null || ifMatch.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(ifMatch.replace("\"", "").replace("W/", "").strip());
		}
		catch (NumberFormatException ex) {
			throw ProblemException.invalid("If-Match", "must be the rule's revision number");
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
