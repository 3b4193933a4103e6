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
import java.util.function.Supplier;

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

	/**
	 * Appeals judged at the same time, at most, by all the consumers together: judging
	 * waits for nothing, so one per processor (at least two).
	 */
	static final int DECIDED_AT_ONCE = Math.max(2, Runtime.getRuntime().availableProcessors());

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
	 * Routes appeals together: as many as there are processors are judged (classified,
	 * the rules and the confidence policy applied) at the same time, then their
	 * duplicates are checked and recorded in two round trips and their decisions stored
	 * in their order in one. When one cannot be judged, those before it are decided and
	 * stored and the failure says which.
	 */
	public void routeAll(List<AppealSubmitted> appeals) {
		Instant now = this.clock.instant();
		List<RoutingEngine.Appeal> toDecide = appeals.stream().map(this::appealOf).toList();
		List<CompletableFuture<RoutingEngine.Judgement>> judging = new ArrayList<>(appeals.size());
		for (int i = 0; i < appeals.size(); i++) {
			String correlationId = appeals.get(i).correlationId();
			RoutingEngine.Appeal appeal = toDecide.get(i);
			Supplier<RoutingEngine.Judgement> judge = () -> CorrelationIds.with(correlationId,
					() -> this.engine.judge(appeal));
			judging.add((appeals.size() == 1) ? CompletableFuture.completedFuture(judge.get())
					: CompletableFuture.supplyAsync(judge, this.deciders));
		}
		List<RoutingEngine.Judgement> judged = new ArrayList<>(appeals.size());
		RuntimeException failed = null;
		for (int i = 0; i < judging.size() && failed == null; i++) {
			try {
				judged.add(judging.get(i).join());
			}
			catch (CompletionException ex) {
				// The others finish before any of them is tried again.
				judging.forEach((each) -> each.handle((result, failure) -> null).join());
				failed = new RecordBatches.ItemFailedException(i, (ex.getCause() != null) ? ex.getCause() : ex);
			}
		}
		List<Decision> decisions = this.engine.decideAll(toDecide.subList(0, judged.size()), judged, now);
		List<Pending> pending = new ArrayList<>(decisions.size());
		for (int i = 0; i < decisions.size(); i++) {
			AppealSubmitted submitted = appeals.get(i);
			pending.add(new Pending(RoutingDecision.of(submitted, toDecide.get(i).phoneHash(), decisions.get(i), now),
					decisions.get(i)));
		}
		store(pending);
		if (failed != null) {
			throw failed;
		}
	}

	@PreDestroy
	void stopDeciders() {
		this.deciders.shutdown();
	}

	private RoutingEngine.Appeal appealOf(AppealSubmitted submitted) {
		return new RoutingEngine.Appeal(submitted.appealId(), submitted.trackingCode(), submitted.text(),
				submitted.district(), submitted.stationId(), workerOf(submitted));
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
		Decision decision = this.engine.preview(
				new RoutingEngine.Appeal(null, null, text, district, stationId, phoneHash), this.clock.instant(),
				disclose);
		return DecisionView.preview(decision, text, null, district, stationId);
	}

	public Optional<RoutingDecision> decisionFor(String appealId) {
		return Optional.ofNullable(this.mongo.findById(appealId, RoutingDecision.class));
	}

}
