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
import org.waystation.classifier.Evaluation;
import org.waystation.classifier.EvaluationFloors;
import org.waystation.classifier.Example;
import org.waystation.classifier.SignalRules;
import org.waystation.classifier.TextFeatures;
import org.waystation.classifier.TrainingData;
import org.waystation.support.state.SharedState;

/**
 * Holds the classifier in use. It is trained at start-up from every shipped example plus
 * the triage desk's corrections (without corrections, the model the build trained on the
 * shipped examples is read instead: the same model), and again on demand. A retraining
 * asked of one instance bumps a shared generation number; the others notice it when they
 * refresh and retrain too, so every instance classifies with the same examples.
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

	/**
	 * The shipped examples a retrained model is checked against, and those it may see;
	 * split when first needed (grouping near-duplicates takes a while, and a start
	 * without corrections does not need it).
	 */
	private List<Example> heldOut;

	private List<Example> training;

	private final EvaluationFloors floors = EvaluationFloors.standard();

	private final AtomicReference<Trained> current = new AtomicReference<>();

	ClassifierService(MongoTemplate mongo, Optional<Clock> clock) {
		this.mongo = mongo;
		this.clock = clock.orElse(Clock.systemUTC());
		this.current.set(train(generation()));
	}

	/**
	 * The classifier and what it was trained on.
	 *
	 * @param check how a model trained the same way without the held-out examples did on
	 * them, when corrections were added; {@code null} otherwise
	 * @param refused the last retraining that was not put in service because its check
	 * fell below the floors, or {@code null}
	 */
	public record Trained(AppealClassifier classifier, int shippedExamples, int corrections, Instant trainedAt,
			Duration trainingTime, long generation, Check check, Refusal refused) {

		Trained refusing(Refusal refusal, long generation) {
			return new Trained(this.classifier, this.shippedExamples, this.corrections, this.trainedAt,
					this.trainingTime, generation, this.check, refusal);
		}

	}

	/** Held-out figures of a check. */
	public record Check(int heldOut, double departmentAccuracy, double urgentRecall, double falseAlarmRate,
			double confidentMisrouteRate) {

		static Check of(Evaluation evaluation) {
			return new Check(evaluation.examples(), evaluation.departmentAccuracy(), evaluation.urgentRecall(),
					evaluation.falseAlarmRate(), evaluation.confidentMisrouteRate());
		}

	}

	/** A retraining kept out of service, and why. */
	public record Refusal(Instant at, int corrections, List<String> reasons, Check check) {

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

	/**
	 * Trains on the shipped examples and the triage desk's corrections. Learning from
	 * triage must never make routing worse: with corrections, a model trained the same
	 * way but without the held-out examples is checked on them first, and if it falls
	 * below the floors the model in service stays (at start-up, one trained on the
	 * shipped examples alone), with the reason kept for the admin API.
	 */
	private Trained train(long generation) {
		long start = System.nanoTime();
		List<Example> corrections = this.mongo.findAll(TrainingCorrection.class)
			.stream()
			.sorted(java.util.Comparator.comparing(TrainingCorrection::id))
			.map(TrainingCorrection::toExample)
			.toList();
		Check check = null;
		if (!corrections.isEmpty()) {
			if (this.heldOut == null) {
				this.heldOut = TrainingData.heldOut(this.shipped);
				this.training = TrainingData.training(this.shipped);
			}
			List<Example> trainingAndCorrections = new ArrayList<>(this.training);
			trainingAndCorrections.addAll(corrections);
			Evaluation evaluation = Evaluation
				.of(AppealClassifier.train(trainingAndCorrections, this.rules, this.features), this.heldOut);
			check = Check.of(evaluation);
			List<String> shortfalls = this.floors.shortfalls(evaluation);
			if (!shortfalls.isEmpty()) {
				Refusal refusal = new Refusal(this.clock.instant(), corrections.size(), shortfalls, check);
				log.warn("Retrained classifier not put in service: with {} triage corrections {}", corrections.size(),
						String.join("; ", shortfalls));
				Trained current = this.current.get();
				return ((current != null) ? current : trainOn(List.of(), null, start, generation)).refusing(refusal,
						generation);
			}
		}
		return trainOn(corrections, check, start, generation);
	}

	private Trained trainOn(List<Example> corrections, Check check, long start, long generation) {
		List<Example> examples = new ArrayList<>(this.shipped);
		examples.addAll(corrections);
		// Without corrections, the build's model of the shipped examples (the same
		// model).
		AppealClassifier classifier = AppealClassifier.trainOrLoad(examples, this.rules, this.features);
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		log.info("Classifier {} of {} shipped examples and {} triage corrections ready in {} ms",
				classifier.modelVersion(), this.shipped.size(), corrections.size(), took.toMillis());
		return new Trained(classifier, this.shipped.size(), corrections.size(), this.clock.instant(), took, generation,
				check, null);
	}

	private long generation() {
		Counter counter = this.mongo.findById("generation", Counter.class, STATE);
		return (counter != null) ? counter.value() : 0;
	}

	record Counter(String id, long value) {

	}

}
