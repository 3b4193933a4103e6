package org.waystation.routing.decision.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.waystation.events.Channel;
import org.waystation.routing.decision.DecisionAccess;
import org.waystation.routing.decision.DecisionView;
import org.waystation.routing.decision.RoutingDecision;
import org.waystation.routing.decision.RoutingService;
import org.waystation.support.security.Caller;
import org.waystation.support.security.Roles;
import org.waystation.support.web.validation.CodePoints;
import org.waystation.support.web.validation.ValueOf;
import org.waystation.support.problem.ProblemException;

@RestController
@RequestMapping("/api/v1/routing")
class RoutingDecisionController {

	private final RoutingService routing;

	private final DecisionAccess access;

	RoutingDecisionController(RoutingService routing, DecisionAccess access) {
		this.routing = routing;
		this.access = access;
	}

	/**
	 * How an appeal was routed: category, department and office, type, priority,
	 * confidence, top-3 suggestions, the rule used, links to similar appeals, and why.
	 * Staff see the decisions of their own department's appeals.
	 */
	@GetMapping("/decisions/{appealId}")
	@RolesAllowed({ Roles.STAFF, Roles.TRIAGE, Roles.SUPERVISOR })
	DecisionView decision(Caller caller, @PathVariable String appealId) {
		RoutingDecision decision = this.routing.decisionFor(appealId)
			.filter((found) -> this.access.maySee(caller, found))
			.orElseThrow(() -> ProblemException.notVisible("decision-not-found",
					"No routing decision of appeal " + appealId + " is yours to see (or it has not been routed yet)"));
		return decision
			.view(decision.getDuplicateOf() == null || this.access.maySee(caller, decision.getDuplicateOf()));
	}

	/**
	 * The full decision routing would take for a text, creating nothing: for the triage
	 * desk, staff and administrators trying rules. With a phone, it also tells whether
	 * the text repeats a recent appeal from that phone, if that appeal is one the caller
	 * may see.
	 */
	@PostMapping("/preview")
	@RolesAllowed({ Roles.STAFF, Roles.TRIAGE, Roles.SUPERVISOR, Roles.ADMIN })
	DecisionView preview(Caller caller, @Valid @RequestBody PreviewRequest request) {
		return this.routing.preview(request.text(), blankToNull(request.district()), blankToNull(request.stationId()),
				request.phone(), (duplicate) -> this.access.maySee(caller, duplicate));
	}

	record PreviewRequest(@NotBlank(message = "is required and must not be blank") @CodePoints(max = 2000) String text,
			@ValueOf(Channel.class) String channel, @CodePoints(max = 64) String district,
			@CodePoints(max = 64) String stationId,
			@Size(max = 32, message = "must be at most 32 characters") String phone) {

	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
