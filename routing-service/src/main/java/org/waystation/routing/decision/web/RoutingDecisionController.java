package org.waystation.routing.decision.web;

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
import org.waystation.routing.decision.DecisionView;
import org.waystation.routing.decision.RoutingService;
import org.waystation.support.web.ApiException;
import org.waystation.support.web.validation.CodePoints;
import org.waystation.support.web.validation.ValueOf;

@RestController
@RequestMapping("/api/v1/routing")
class RoutingDecisionController {

	private final RoutingService routing;

	RoutingDecisionController(RoutingService routing) {
		this.routing = routing;
	}

	/**
	 * How an appeal was routed: category, department and office, type, priority,
	 * confidence, top-3 suggestions, the rule used, links to similar appeals, and why.
	 */
	@GetMapping("/decisions/{appealId}")
	DecisionView decision(@PathVariable String appealId) {
		return this.routing.decisionFor(appealId)
			.map(org.waystation.routing.decision.RoutingDecision::view)
			.orElseThrow(() -> ApiException.notFound("decision-not-found",
					"Appeal " + appealId + " has not been routed (yet)"));
	}

	/**
	 * The full decision routing would take for a text, creating nothing: for the triage
	 * desk and for administrators trying rules. With a phone, it also tells whether the
	 * text repeats a recent appeal from that phone.
	 */
	@PostMapping("/preview")
	DecisionView preview(@Valid @RequestBody PreviewRequest request) {
		return this.routing.preview(request.text(), blankToNull(request.district()), blankToNull(request.stationId()),
				request.phone());
	}

	record PreviewRequest(@NotBlank(message = "is required and must not be blank") @CodePoints(max = 2000) String text,
			@ValueOf(Channel.class) String channel,
			@Size(max = 64, message = "must be at most 64 characters") String district,
			@Size(max = 64, message = "must be at most 64 characters") String stationId,
			@Size(max = 32, message = "must be at most 32 characters") String phone) {

	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
