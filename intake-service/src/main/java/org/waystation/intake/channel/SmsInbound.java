package org.waystation.intake.channel;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;
import org.waystation.events.Channel;
import org.waystation.intake.appeal.Appeal;
import org.waystation.intake.appeal.AppealService;
import org.waystation.intake.appeal.SubmitAppeal;
import org.waystation.support.privacy.PhoneNumbers;
import org.waystation.support.privacy.WorkerIds;
import org.waystation.support.problem.ProblemException;

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

	SmsInbound(AppealService appeals, WorkerIds workerIds, MongoTemplate mongo, Optional<Clock> clock) {
		this.appeals = appeals;
		this.workerIds = workerIds;
		this.mongo = mongo;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** What a message did. */
	public enum Action {

		SUBMITTED, ANSWERED, RATED, IGNORED

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
		String workerId = this.workerIds.of(phone);
		List<Appeal> recent = this.appeals.ofWorker(workerId, RECENT);
		Outcome outcome = handle(phone, workerId, text, messageId, correlationId, recent);
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

	private Outcome handle(String phone, String workerId, String text, String messageId, String correlationId,
			List<Appeal> recent) {
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
		AppealService.Submitted submitted = this.appeals.submit(new SubmitAppeal(Channel.SMS, text, phone, workerId,
				null, null, "sms:" + messageId, correlationId, List.of()));
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
