package org.waystation.intake.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.waystation.events.Channel;
import org.waystation.intake.appeal.Appeal;
import org.waystation.intake.appeal.AppealService;
import org.waystation.intake.appeal.SubmitAppeal;
import org.waystation.support.privacy.PhoneNumbers;
import org.waystation.support.privacy.WorkerIds;
import org.waystation.support.problem.ProblemException;
import org.waystation.support.text.ChannelText;

/**
 * What an inbound SMS does. In this order: a redelivery of a message already handled does
 * nothing again; "1", "2" or "3" rates the sender's resolution waiting for a rating (满意,
 * 基本满意, 不满意); any other text answers the department's question waiting on the sender's
 * appeal; otherwise the text is a new appeal (its idempotency key the message id). A bare
 * digit with nothing to rate is ignored rather than filed.
 */
@Service
public class SmsInbound {

	private static final Logger log = LoggerFactory.getLogger(SmsInbound.class);

	private static final Map<String, String> RATINGS = Map.of("1", "SATISFIED", "2", "BASICALLY_SATISFIED", "3",
			"DISSATISFIED");

	/** How many of the sender's latest appeals a reply is matched against. */
	private static final int RECENT = 20;

	private final AppealService appeals;

	private final WorkerIds workerIds;

	private final MongoTemplate mongo;

	private final Clock clock;

	private final Duration partsWait;

	SmsInbound(AppealService appeals, WorkerIds workerIds, MongoTemplate mongo, Optional<Clock> clock,
			@Value("${waystation.channels.sms.parts-wait:5m}") Duration partsWait) {
		this.appeals = appeals;
		this.workerIds = workerIds;
		this.mongo = mongo;
		this.clock = clock.orElse(Clock.systemUTC());
		this.partsWait = partsWait;
	}

	/** What a message did. */
	public enum Action {

		SUBMITTED, ANSWERED, RATED, IGNORED,
		/** A part of a long message; the message is handled once every part is in. */
		WAITING_FOR_PARTS

	}

	/**
	 * @param redelivered whether the message had been handled before
	 */
	public record Outcome(Action action, String trackingCode, boolean redelivered) {

	}

	/**
	 * Handles one message.
	 * @param phone the sender, in canonical form
	 * @param text the message, already cleaned ({@link ChannelText})
	 * @param correlationId the request's correlation id, or null
	 */
	public Outcome receive(String phone, String text, String messageId, Instant receivedAt, String correlationId) {
		SmsMessage earlier = this.mongo.findById(messageId, SmsMessage.class);
		if (earlier != null) {
			return new Outcome(earlier.action(), earlier.trackingCode(), true);
		}
		Outcome outcome = respond(Channel.SMS, "sms:", phone, null, text, messageId, correlationId);
		try {
			this.mongo.insert(new SmsMessage(messageId, outcome.action(), outcome.trackingCode(), receivedAt,
					this.clock.instant()));
		}
		catch (DuplicateKeyException ex) {
			// The same message handled at the same moment by another request: the first
			// one's record stands.
		}
		log.info("Inbound SMS {} from {}: {} {}", messageId, PhoneNumbers.mask(phone), outcome.action(),
				outcome.trackingCode());
		return outcome;
	}

	/**
	 * Handles one part of a long message: kept until every part is in, then the joined
	 * text is handled as one message (once, however often parts are delivered again). A
	 * message whose parts do not all arrive is handled after
	 * {@code waystation.channels.sms.parts-wait} (5 minutes) with the gaps marked.
	 * @param part the part's number, from 1
	 * @param total how many parts the message has
	 */
	public Outcome receivePart(String phone, String reference, int part, int total, String text, Instant receivedAt,
			String correlationId) {
		String id = SmsParts.idOf(phone, reference);
		this.mongo.upsert(Query.query(Criteria.where("_id").is(id)),
				new Update().setOnInsert("phone", phone)
					.setOnInsert("reference", reference)
					.setOnInsert("total", total)
					.setOnInsert("firstReceivedAt", receivedAt)
					.setOnInsert("firstSeenAt", this.clock.instant())
					.set("parts." + part, text),
				SmsParts.class);
		SmsParts parts = this.mongo.findById(id, SmsParts.class);
		if (parts.joinedAt() == null && !parts.complete()) {
			return new Outcome(Action.WAITING_FOR_PARTS, null, false);
		}
		return join(parts, correlationId);
	}

	/** Handles the long messages whose missing parts were waited for long enough. */
	@Scheduled(fixedDelayString = "${waystation.channels.sms.parts-check:30s}",
			initialDelayString = "${waystation.channels.sms.parts-check:30s}")
	void joinOverdue() {
		Instant before = this.clock.instant().minus(this.partsWait);
		for (SmsParts parts : this.mongo.find(
				Query.query(Criteria.where("joinedAt").isNull().and("firstSeenAt").lt(before)).limit(50),
				SmsParts.class)) {
			log.info("Long SMS {} from {} still lacks parts; handled with {} of {}", parts.reference(),
					PhoneNumbers.mask(parts.phone()), parts.parts().size(), parts.total());
			join(parts, null);
		}
	}

	private Outcome join(SmsParts parts, String correlationId) {
		Outcome outcome = receive(parts.phone(), ChannelText.clean(parts.text()), parts.messageId(),
				parts.firstReceivedAt(), correlationId);
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(parts.id()).and("joinedAt").isNull()),
				new Update().set("joinedAt", this.clock.instant()), SmsParts.class);
		return outcome;
	}

	/**
	 * What a text from a worker's phone does, on any channel of short messages (SMS, IM):
	 * a rating, an answer or a new appeal, as above; no redelivery check.
	 * @param keyPrefix what the message id is prefixed with in the appeal's idempotency
	 * key
	 */
	public Outcome respond(Channel channel, String keyPrefix, String phone, String replyTo, String text,
			String messageId, String correlationId) {
		String workerId = this.workerIds.of(phone);
		List<Appeal> recent = this.appeals.ofWorker(workerId, RECENT);
		String rating = RATINGS.get(text.strip());
		if (rating != null || text.strip().matches("\\d")) {
			Optional<Appeal> awaiting = recent.stream()
				.filter((appeal) -> appeal.getRatingCaseId() != null)
				.findFirst();
			if (rating != null && awaiting.isPresent()) {
				return new Outcome(Action.RATED, rated(awaiting.get(), rating), false);
			}
			return new Outcome(Action.IGNORED, null, false);
		}
		Optional<Appeal> asked = recent.stream()
			.filter((appeal) -> appeal.getPendingQuestion() != null && !appeal.getPendingQuestion().answered())
			.findFirst();
		if (asked.isPresent()) {
			try {
				return new Outcome(Action.ANSWERED, this.appeals.answer(asked.get(), text).getTrackingCode(), false);
			}
			catch (ProblemException ex) {
				// Answered meanwhile (another channel): this text is then a new appeal.
			}
		}
		AppealService.Submitted submitted = this.appeals.submit(new SubmitAppeal(channel, text, phone, workerId, null,
				null, keyPrefix + messageId, correlationId, List.of(), null, replyTo));
		return new Outcome(Action.SUBMITTED, submitted.appeal().getTrackingCode(), false);
	}

	private String rated(Appeal appeal, String rating) {
		try {
			return this.appeals.rate(appeal, rating, null).getTrackingCode();
		}
		catch (ProblemException ex) {
			// Rated meanwhile: nothing more to do.
			return appeal.getTrackingCode();
		}
	}

}
