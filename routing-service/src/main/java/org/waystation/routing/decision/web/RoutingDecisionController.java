package org.waystation.routing.decision.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.waystation.routing.decision.RoutingDecision;
import org.waystation.routing.decision.RoutingService;
import org.waystation.support.web.ApiException;

@RestController
@RequestMapping("/api/v1/routing/decisions")
class RoutingDecisionController {

	private final RoutingService routing;

	RoutingDecisionController(RoutingService routing) {
		this.routing = routing;
	}

	/**
	 * How an appeal was routed: category, department, type, priority, confidence and why.
	 */
	@GetMapping("/{appealId}")
	DecisionView decision(@PathVariable String appealId) {
		RoutingDecision decision = this.routing.decisionFor(appealId)
			.orElseThrow(() -> ApiException.notFound("decision-not-found",
					"Appeal " + appealId + " has not been routed (yet)"));
		return new DecisionView(decision.getAppealId(), decision.getTrackingCode(), decision.getCategory(),
				decision.getDepartment(), decision.getAppealType(), decision.getPriority(), decision.getConfidence(),
				decision.getMatchedKeywords(), decision.getExplanation(), decision.getRulesVersion(),
				decision.getDecidedAt());
	}

	record DecisionView(String appealId, String trackingCode, String category, String department, String appealType,
			String priority, double confidence, java.util.List<String> matchedKeywords, String explanation,
			String rulesVersion, java.time.Instant decidedAt) {

	}

}
