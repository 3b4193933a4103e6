package org.waystation.routing.classifier.web;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.waystation.routing.RoutingProperties;
import org.waystation.routing.classifier.ClassifierService;
import org.waystation.routing.classifier.TrainingCorrection;
import org.waystation.support.problem.ProblemException;
import org.waystation.support.security.Roles;

/**
 * The classifier in use, the triage desk's corrections it learns from, and retraining on
 * demand (all instances follow).
 */
@RestController
@RequestMapping("/api/v1/admin/classifier")
class ClassifierAdminController {

	private final ClassifierService classifier;

	private final RoutingProperties properties;

	ClassifierAdminController(ClassifierService classifier, RoutingProperties properties) {
		this.classifier = classifier;
		this.properties = properties;
	}

	@GetMapping
	@RolesAllowed(Roles.ADMIN)
	ModelView current() {
		return view(this.classifier.current());
	}

	/**
	 * Retrains now (every instance follows). A model that would route worse than the
	 * floors is not put in service: 409 with the reasons, and the model in service stays.
	 */
	@PostMapping("/retrain")
	@RolesAllowed(Roles.ADMIN)
	ModelView retrain() {
		ClassifierService.Trained trained = this.classifier.retrain();
		if (trained.refused() != null) {
			throw ProblemException.conflict("retraining-refused",
					"The retrained model was not put in service: " + String.join("; ", trained.refused().reasons())
							+ ". The model in service stays " + trained.classifier().modelVersion());
		}
		return view(trained);
	}

	@GetMapping("/corrections")
	@RolesAllowed(Roles.ADMIN)
	List<TrainingCorrection> corrections() {
		return this.classifier.corrections();
	}

	/**
	 * @param trainingMillis how long the model took to be ready: trained, or, with no
	 * corrections, read from the model the build trained on the shipped examples
	 * @param check how the model in service did on the held-out examples when trained
	 * without them (with corrections only)
	 * @param refusedRetraining the last retraining kept out of service, with why
	 */
	record ModelView(String modelVersion, String signalRulesVersion, int shippedExamples, int triageCorrections,
			int features, Instant trainedAt, long trainingMillis, double confidenceThreshold,
			ClassifierService.Check check, ClassifierService.Refusal refusedRetraining) {

	}

	private ModelView view(ClassifierService.Trained trained) {
		return new ModelView(trained.classifier().modelVersion(), trained.classifier().rulesVersion(),
				trained.shippedExamples(), trained.corrections(), trained.classifier().featureCount(),
				trained.trainedAt(), trained.trainingTime().toMillis(), this.properties.confidenceThreshold(),
				trained.check(), trained.refused());
	}

}
