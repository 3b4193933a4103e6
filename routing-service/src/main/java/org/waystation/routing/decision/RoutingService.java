package org.waystation.routing.decision;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;
import org.waystation.events.AppealSubmitted;
import org.waystation.routing.similar.Duplicate;
import org.waystation.routing.similar.TopicClusterer;
import org.waystation.support.correlation.CorrelationIds;
import org.waystation.support.kafka.RecordBatches;
import org.waystation.support.outbox.OutboxEntry;
import org.waystation.support.outbox.OutboxWriter;
import org.waystation.support.privacy.WorkerIds;

/**
 * Routes each submitted appeal once: a replayed {@code AppealSubmitted} finds the
 * decision already stored and changes nothing (its duplicate link was recorded under the
 * appeal's id the first time, and it is counted in its hot topic only when its decision
 * is stored).
 */
@Service
public class RoutingService {

	private static final Logger log = LoggerFactory.getLogger(RoutingService.class);

	private final MongoTemplate mongo;

	private final OutboxWriter outbox;

	private final RoutingEngine engine;

	private final WorkerIds workerIds;

	private final TopicClusterer topics;

	private final Clock clock;

	/** Appeals decided at the same time, at most, by all the consumers together. */
	static final int DECIDED_AT_ONCE = 8;

	private final ExecutorService deciders = Executors.newFixedThreadPool(DECIDED_AT_ONCE, (task) -> {
		Thread thread = new Thread(task, "routing-decider");
		thread.setDaemon(true);
		return thread;
	});

	RoutingService(MongoTemplate mongo, OutboxWriter outbox, RoutingEngine engine, WorkerIds workerIds,
			TopicClusterer topics, Optional<Clock> clock) {
		this.mongo = mongo;
		this.outbox = outbox;
		this.engine = engine;
		this.workerIds = workerIds;
		this.topics = topics;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Routes appeals together: up to {@value #DECIDED_AT_ONCE} are decided at the same
	 * time (a decision spends most of its time waiting for the store's answer to its
	 * duplicate check), and the decisions are stored in their order in one round trip.
	 * When one cannot be decided, those before it are stored and the failure says which.
	 */
	public void routeAll(List<AppealSubmitted> appeals) {
		if (appeals.size() == 1) {
			store(List.of(decideAs(appeals.get(0))));
			return;
		}
		List<CompletableFuture<Pending>> deciding = appeals.stream()
			.map((appeal) -> CompletableFuture.supplyAsync(() -> decideAs(appeal), this.deciders))
			.toList();
		List<Pending> decided = new ArrayList<>(appeals.size());
		for (int i = 0; i < deciding.size(); i++) {
			try {
				decided.add(deciding.get(i).join());
			}
			catch (CompletionException ex) {
				// The others finish before any of them is tried again.
				deciding.forEach((each) -> each.handle((result, failure) -> null).join());
				store(decided);
				throw new RecordBatches.ItemFailedException(i, (ex.getCause() != null) ? ex.getCause() : ex);
			}
		}
		store(decided);
	}

	/** Decides on a decider thread, logging with the appeal's correlation id. */
	private Pending decideAs(AppealSubmitted appeal) {
		return CorrelationIds.with(appeal.correlationId(), () -> decide(appeal));
	}

	@PreDestroy
	void stopDeciders() {
		this.deciders.shutdown();
	}

	/**
	 * Decides where an appeal goes, to be stored with {@link #store}: remembers the
	 * appeal for duplicate detection and places it in a hot topic, where it is counted
	 * once its decision is stored.
	 */
	private Pending decide(AppealSubmitted submitted) {
		Instant now = this.clock.instant();
		String phoneHash = workerOf(submitted);
		Decision decision = this.engine.decide(new RoutingEngine.Appeal(submitted.appealId(), submitted.trackingCode(),
				submitted.text(), submitted.district(), submitted.stationId(), phoneHash), true, now);
		return new Pending(RoutingDecision.of(submitted, phoneHash, decision, now), decision);
	}

	/**
	 * Stores decisions in one round trip, in their order; one stored already (a replay,
	 * or another instance in the meantime) changes nothing.
	 */
	private void store(List<Pending> decisions) {
		Set<RoutingDecision> stored = Collections.newSetFromMap(new IdentityHashMap<>());
		stored.addAll(this.outbox.insertAll(decisions.stream().map(Pending::document).toList(), RoutingDecision.class));
		decisions.stream().filter((pending) -> stored.contains(pending.document())).forEach(this::routed);
	}

	private void routed(Pending pending) {
		Decision decision = pending.decision();
		this.topics.count(decision.placement());
		OutboxEntry.withCorrelationOf(pending.document().getOutbox(), () -> logRouted(pending, decision));
	}

	private static void logRouted(Pending pending, Decision decision) {
		log.info("Routed appeal {} to {} as {} ({}, confidence {}, {})", pending.document().getTrackingCode(),
				decision.department(), decision.classification().category(), decision.classification().priority(),
				decision.classification().confidence(), decision.policy());
	}

	/** A decision made and not yet stored. */
	private record Pending(RoutingDecision document, Decision decision) {

	}

	/**
	 * The worker of an appeal: the id intake derived, or (for an appeal submitted before
	 * intake did) the same id derived here.
	 */
	private String workerOf(AppealSubmitted submitted) {
		if (submitted.workerId() != null && !submitted.workerId().isBlank()) {
			return submitted.workerId();
		}
		return (submitted.phone() != null && !submitted.phone().isBlank()) ? this.workerIds.of(submitted.phone())
				: null;
	}

	/**
	 * What routing would do with a text, recording nothing. An earlier appeal of the same
	 * phone is named only when the caller may see it.
	 */
	public DecisionView preview(String text, String district, String stationId, String phone,
			Predicate<Duplicate> disclose) {
		String phoneHash = (phone != null && !phone.isBlank()) ? this.workerIds.of(phone) : null;
		Decision decision = this.engine.decide(
				new RoutingEngine.Appeal(null, null, text, district, stationId, phoneHash), false, this.clock.instant(),
				disclose);
		return DecisionView.preview(decision, text, null, district, stationId);
	}

	public Optional<RoutingDecision> decisionFor(String appealId) {
		return Optional.ofNullable(this.mongo.findById(appealId, RoutingDecision.class));
	}

}
