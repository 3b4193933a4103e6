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

	@PostMapping("/retrain")
	@RolesAllowed(Roles.ADMIN)
	ModelView retrain() {
		return view(this.classifier.retrain());
	}

	@GetMapping("/corrections")
	@RolesAllowed(Roles.ADMIN)
	List<TrainingCorrection> corrections() {
		return this.classifier.corrections();
	}

	record ModelView(String modelVersion, String signalRulesVersion, int shippedExamples, int triageCorrections,
			int features, Instant trainedAt, long trainingMillis, double confidenceThreshold) {

	}

	private ModelView view(ClassifierService.Trained trained) {
		return new ModelView(trained.classifier().modelVersion(), trained.classifier().rulesVersion(),
				trained.shippedExamples(), trained.corrections(), trained.classifier().featureCount(),
				trained.trainedAt(), trained.trainingTime().toMillis(), this.properties.confidenceThreshold());
	}

}
