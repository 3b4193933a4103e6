package org.waystation.routing.decision;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;
import org.waystation.events.AppealSubmitted;
import org.waystation.routing.similar.Duplicate;
import org.waystation.routing.similar.TopicClusterer;
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

	RoutingService(MongoTemplate mongo, OutboxWriter outbox, RoutingEngine engine, WorkerIds workerIds,
			TopicClusterer topics, Optional<Clock> clock) {
		this.mongo = mongo;
		this.outbox = outbox;
		this.engine = engine;
		this.workerIds = workerIds;
		this.topics = topics;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	public void route(AppealSubmitted submitted) {
		Instant now = this.clock.instant();
		String phoneHash = workerOf(submitted);
		Decision decision = this.engine.decide(new RoutingEngine.Appeal(submitted.appealId(), submitted.trackingCode(),
				submitted.text(), submitted.district(), submitted.stationId(), phoneHash), true, now);
		try {
			this.outbox.insert(RoutingDecision.of(submitted, phoneHash, decision, now));
			this.topics.count(decision.placement());
			log.info("Routed appeal {} to {} as {} ({}, confidence {}, {})", submitted.trackingCode(),
					decision.department(), decision.classification().category(), decision.classification().priority(),
					decision.classification().confidence(), decision.policy());
		}
		catch (DuplicateKeyException ex) {
			// Routed already (a replay, or another instance in the meantime).
		}
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
