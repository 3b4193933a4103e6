package org.waystation.routing.decision;

import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.waystation.events.CaseRedispatched;
import org.waystation.events.EventCodec;
import org.waystation.events.Taxonomy;
import org.waystation.events.Topics;
import org.waystation.support.kafka.EventTypeFilter;
import org.waystation.routing.classifier.ClassifierService;
import org.waystation.routing.classifier.TrainingCorrection;

/**
 * Learns from the triage desk: each re-dispatch (改派) of an appeal routing decided is
 * stored as a labelled example for the next retraining. The category is the one triage
 * named, or else the most likely of the chosen department's categories for the text.
 */
@Component
class TriageFeedbackListener {

	private static final Logger log = LoggerFactory.getLogger(TriageFeedbackListener.class);

	/** Of all case events, only re-dispatches teach routing. */
	private static final EventTypeFilter REDISPATCHED = EventTypeFilter.of(CaseRedispatched.class);

	private final MongoTemplate mongo;

	private final ClassifierService classifier;

	private final Taxonomy taxonomy = Taxonomy.standard();

	TriageFeedbackListener(MongoTemplate mongo, ClassifierService classifier) {
		this.mongo = mongo;
		this.classifier = classifier;
	}

	@KafkaListener(id = "routing-triage-feedback", idIsGroup = false, topics = Topics.CASE_EVENTS)
	void onCaseEvent(ConsumerRecord<String, byte[]> record) {
		if (!REDISPATCHED.mayAccept(record)) {
			return;
		}
		EventCodec.fromBytes(record.value())
			.filter(CaseRedispatched.class::isInstance)
			.map(CaseRedispatched.class::cast)
			.ifPresent(this::learn);
	}

	void learn(CaseRedispatched redispatched) {
		RoutingDecision decision = this.mongo.findById(redispatched.appealId(), RoutingDecision.class);
		if (decision == null || decision.getText() == null) {
			log.warn("Re-dispatch of appeal {} not learned from: routing has no decision with its text",
					redispatched.trackingCode());
			return;
		}
		if (redispatched.category() != null && this.taxonomy.category(redispatched.category()).isPresent()) {
			store(redispatched, decision, redispatched.category());
			return;
		}
		Set<String> categories = Set.copyOf(this.taxonomy.categories()
			.stream()
			.filter((category) -> category.department().equals(redispatched.toDepartment()))
			.map(Taxonomy.Entry::code)
			.toList());
		this.classifier.classifier()
			.mostLikelyAmong(decision.getText(), categories)
			.ifPresentOrElse((category) -> store(redispatched, decision, category),
					() -> log.info("Re-dispatch of {} to {} not learned from: no category belongs to that department",
							redispatched.trackingCode(), redispatched.toDepartment()));
	}

	private void store(CaseRedispatched redispatched, RoutingDecision decision, String category) {
		try {
			this.mongo.insert(new TrainingCorrection(redispatched.eventId().toString(), redispatched.appealId(),
					redispatched.trackingCode(), decision.getText(), category, decision.getAppealType(),
					decision.getPriority(), redispatched.department(), redispatched.toDepartment(),
					redispatched.staff(), redispatched.note(), redispatched.occurredAt()));
			log.info("Learned from triage: appeal {} belongs to {} ({}), not {}", redispatched.trackingCode(),
					redispatched.toDepartment(), category, List.of(decision.getDepartment()));
		}
		catch (DuplicateKeyException ex) {
			// A replayed event: stored already.
		}
	}

}
