package org.waystation.routing.classifier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.waystation.classifier.AppealClassifier;
import org.waystation.classifier.Example;
import org.waystation.classifier.SignalRules;
import org.waystation.classifier.TextFeatures;
import org.waystation.classifier.TrainingData;
import org.waystation.support.state.SharedState;

/**
 * Holds the classifier in use. It is trained at start-up from every shipped example plus
 * the triage desk's corrections, and again on demand. A retraining asked of one instance
 * bumps a shared generation number; the others notice it when they refresh and retrain
 * too, so every instance classifies with the same examples.
 */
@Service
public class ClassifierService implements SharedState {

	private static final Logger log = LoggerFactory.getLogger(ClassifierService.class);

	static final String STATE = "classifier_state";

	private final MongoTemplate mongo;

	private final Clock clock;

	private final TextFeatures features = new TextFeatures();

	private final SignalRules rules = SignalRules.standard();

	private final List<Example> shipped = TrainingData.shipped();

	private final AtomicReference<Trained> current = new AtomicReference<>();

	ClassifierService(MongoTemplate mongo, Optional<Clock> clock) {
		this.mongo = mongo;
		this.clock = clock.orElse(Clock.systemUTC());
		this.current.set(train(generation()));
	}

	/** The classifier and what it was trained on. */
	public record Trained(AppealClassifier classifier, int shippedExamples, int corrections, Instant trainedAt,
			Duration trainingTime, long generation) {

	}

	public AppealClassifier classifier() {
		return this.current.get().classifier();
	}

	public Trained current() {
		return this.current.get();
	}

	/**
	 * Retrains now with the corrections stored so far, and asks the other instances to.
	 */
	public synchronized Trained retrain() {
		Counter counter = this.mongo.findAndModify(Query.query(Criteria.where("_id").is("generation")),
				new Update().inc("value", 1), FindAndModifyOptions.options().upsert(true).returnNew(true),
				Counter.class, STATE);
		Trained trained = train((counter != null) ? counter.value() : 0);
		this.current.set(trained);
		return trained;
	}

	/** Retrains when another instance has retrained since this one last did. */
	@Override
	public synchronized void refresh() {
		long generation = generation();
		if (generation != this.current.get().generation()) {
			this.current.set(train(generation));
		}
	}

	public List<TrainingCorrection> corrections() {
		Query query = new Query().with(org.springframework.data.domain.Sort.by("correctedAt").descending());
		return this.mongo.find(query, TrainingCorrection.class);
	}

	private Trained train(long generation) {
		long start = System.nanoTime();
		List<TrainingCorrection> corrections = this.mongo.findAll(TrainingCorrection.class);
		List<Example> examples = new ArrayList<>(this.shipped);
		corrections.stream()
			.sorted(java.util.Comparator.comparing(TrainingCorrection::id))
			.map(TrainingCorrection::toExample)
			.forEach(examples::add);
		AppealClassifier classifier = AppealClassifier.train(examples, this.rules, this.features);
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		log.info("Trained classifier {} on {} shipped examples and {} triage corrections in {} ms",
				classifier.modelVersion(), this.shipped.size(), corrections.size(), took.toMillis());
		return new Trained(classifier, this.shipped.size(), corrections.size(), this.clock.instant(), took, generation);
	}

	private long generation() {
		Counter counter = this.mongo.findById("generation", Counter.class, STATE);
		return (counter != null) ? counter.value() : 0;
	}

	record Counter(String id, long value) {

	}

}
