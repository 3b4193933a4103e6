package org.waystation.routing.decision;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;
import org.waystation.events.AppealSubmitted;
import org.waystation.routing.classifier.Classification;
import org.waystation.routing.classifier.KeywordClassifier;
import org.waystation.support.outbox.OutboxWriter;

/**
 * Routes each submitted appeal once: a replayed {@code AppealSubmitted} finds the
 * decision already stored and changes nothing.
 */
@Service
public class RoutingService {

	private static final Logger log = LoggerFactory.getLogger(RoutingService.class);

	private final MongoTemplate mongo;

	private final OutboxWriter outbox;

	private final KeywordClassifier classifier;

	private final Clock clock;

	RoutingService(MongoTemplate mongo, OutboxWriter outbox, KeywordClassifier classifier, Optional<Clock> clock) {
		this.mongo = mongo;
		this.outbox = outbox;
		this.classifier = classifier;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	public void route(AppealSubmitted submitted) {
		Classification classification = this.classifier.classify(submitted.text());
		try {
			this.outbox.insert(RoutingDecision.decide(submitted, classification, this.clock.instant()));
			log.info("Routed appeal {} to {} as {} ({}, confidence {})", submitted.trackingCode(),
					classification.department(), classification.category(), classification.priority(),
					classification.confidence());
		}
		catch (DuplicateKeyException ex) {
			// Another instance routed it in the meantime.
		}
	}

	public Optional<RoutingDecision> decisionFor(String appealId) {
		return Optional.ofNullable(this.mongo.findById(appealId, RoutingDecision.class));
	}

}
