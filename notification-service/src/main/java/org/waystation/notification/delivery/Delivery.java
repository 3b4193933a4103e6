package org.waystation.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.waystation.events.Channel;
import org.waystation.notification.contact.WorkerContact;
import org.waystation.support.messaging.DeliveryException;
import org.waystation.support.messaging.ProviderUnavailableException;

/**
 * Queues messages for their providers and sends them: text messages and IM messages to
 * workers, mail to staff. A message is in the store before it is sent, so a crash or a
 * provider outage loses none: the queue drains once the provider answers again. A send
 * that fails is tried again after 2, 4, 8, ... seconds (at most 10 minutes apart), 10
 * times in all ({@code waystation.notifications.delivery.max-attempts}), then marked
 * FAILED and listed for supervisors. While a provider's circuit breaker is open, nothing
 * is tried through it and no attempt is counted; the other providers go on. In quiet
 * hours ({@link QuietHours}) text messages wait unless their appeal is URGENT. An
 * instance claims a message before sending it, so two instances never send the same one;
 * a claim left by a stopped instance is taken over after a minute (at worst, that one
 * message goes twice).
 */
@Service
public class Delivery {

	private static final Logger log = LoggerFactory.getLogger(Delivery.class);

	/**
	 * The channels whose workers have no app to read the in-app inbox in (an Open311
	 * client is another organisation's app): they are texted at the phone they gave, or,
	 * having come by IM, answered there.
	 */
	static final Set<Channel> OUTSIDE_THE_APP = EnumSet.of(Channel.SMS, Channel.IM, Channel.HOTLINE, Channel.KIOSK,
			Channel.GRID_WORKER, Channel.WISH_BOX, Channel.CSV_IMPORT, Channel.OPEN311);

	/** Where text messages were queued before there were other channels. */
	static final String LEGACY_SMS_QUEUE = "sms_queue";

	private static final Duration MAX_PAUSE = Duration.ofMinutes(10);

	private static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(1);

	private static final int BATCH = 50;

	/** How long messages wait while their provider's circuit breaker is open. */
	private static final Duration PROVIDER_PAUSE = Duration.ofSeconds(5);

	private final MongoTemplate mongo;

	private final Map<DeliveryChannel, Sender> senders = new EnumMap<>(DeliveryChannel.class);

	private final Clock clock;

	private final QuietHours quiet;

	private final int maxAttempts;

	Delivery(MongoTemplate mongo, List<Sender> senders, Optional<Clock> clock,
			@Value("${waystation.notifications.sms.quiet-hours.start:22:00}") LocalTime quietStart,
			@Value("${waystation.notifications.sms.quiet-hours.end:07:00}") LocalTime quietEnd,
			@Value("${waystation.notifications.time-zone:Asia/Shanghai}") ZoneId zone,
			@Value("${waystation.notifications.delivery.max-attempts:${waystation.notifications.sms.max-attempts:10}}") int maxAttempts) {
		this.mongo = mongo;
		senders.forEach((sender) -> this.senders.put(sender.channel(), sender));
		this.clock = clock.orElse(Clock.systemUTC());
		this.quiet = new QuietHours(quietStart, quietEnd, zone);
		this.maxAttempts = maxAttempts;
	}

	/**
	 * How the worker who appealed through the channel hears of progress, besides the
	 * in-app inbox: by IM when they came by IM (and IM delivery is set up), by SMS when
	 * they came another way outside the app; empty for app and web users.
	 */
	public Optional<DeliveryChannel> workerChannel(Channel channel, String replyTo) {
		if (channel == null || !OUTSIDE_THE_APP.contains(channel)) {
			return Optional.empty();
		}
		if (channel == Channel.IM && replyTo != null && this.senders.containsKey(DeliveryChannel.IM)) {
			return Optional.of(DeliveryChannel.IM);
		}
		return Optional.of(DeliveryChannel.SMS);
	}

	/** Whether mail can be sent (a mail server is configured). */
	public boolean mails() {
		return this.senders.containsKey(DeliveryChannel.EMAIL);
	}

	/**
	 * Queues a message; once per id.
	 * @param subject the subject of an email, null otherwise
	 */
	public void queue(String id, String appealId, DeliveryChannel channel, String to, String subject, String text) {
		if (!this.senders.containsKey(channel)) {
			log.warn("No provider for {} is configured: message {} not queued", channel, id);
			return;
		}
		Instant now = this.clock.instant();
		try {
			this.mongo.insert(new QueuedMessage(id, appealId, channel, to, subject, text, QueuedMessage.Status.QUEUED,
					0, now, now, null, null));
		}
		catch (DuplicateKeyException ex) {
			// Queued already (the event came twice, or another instance was first).
		}
	}

	/** Moves text messages queued before there were other channels into the queue. */
	@EventListener(ApplicationReadyEvent.class)
	public void adoptLegacyQueue() {
		List<QueuedMessage> legacy = this.mongo.findAll(QueuedMessage.class, LEGACY_SMS_QUEUE);
		for (QueuedMessage message : legacy) {
			try {
				this.mongo.insert(message);
			}
			catch (DuplicateKeyException ex) {
				// Moved already by another instance (or an earlier start).
			}
			this.mongo.remove(Query.query(Criteria.where("_id").is(message.id())), LEGACY_SMS_QUEUE);
		}
		if (!legacy.isEmpty()) {
			log.info("Moved {} text messages from {} into the delivery queue", legacy.size(), LEGACY_SMS_QUEUE);
		}
	}

	/** Sends what is due, a batch at a time. */
	@Scheduled(fixedDelayString = "${waystation.notification.sms.poll:1s}", initialDelayString = "2s")
	public void dispatch() {
		Instant now = this.clock.instant();
		// Two reads on the index of status and time (an $or would read every message ever
		// sent): those due, and those whose claim a stopped instance left.
		List<QueuedMessage> due = new ArrayList<>(this.mongo
			.find(Query.query(Criteria.where("status").is(QueuedMessage.Status.QUEUED).and("nextAttemptAt").lte(now))
				.with(Sort.by("nextAttemptAt"))
				.limit(BATCH), QueuedMessage.class));
		due.addAll(
				this.mongo.find(Query
					.query(Criteria.where("status")
						.is(QueuedMessage.Status.SENDING)
						.and("nextAttemptAt")
						.lte(now.minus(CLAIM_TIMEOUT)))
					.with(Sort.by("nextAttemptAt"))
					.limit(BATCH), QueuedMessage.class));
		due.sort(java.util.Comparator.comparing(QueuedMessage::nextAttemptAt));
		Optional<Instant> quietUntil = this.quiet.endOf(now);
		Set<DeliveryChannel> paused = EnumSet.noneOf(DeliveryChannel.class);
		for (QueuedMessage message : due) {
			DeliveryChannel channel = message.via();
			if (paused.contains(channel)) {
				continue;
			}
			if (channel == DeliveryChannel.SMS && quietUntil.isPresent() && !urgent(message.appealId())) {
				hold(message, quietUntil.get());
				continue;
			}
			QueuedMessage claimed = claim(message, now);
			if (claimed != null && !send(claimed)) {
				// The provider is down (its circuit breaker is open): its other messages
				// wait too.
				paused.add(channel);
			}
		}
	}

	/**
	 * Sends the appeal's messages held for quiet hours now: the appeal turned out to be
	 * URGENT.
	 */
	public void releaseUrgent(String appealId) {
		this.mongo.updateMulti(
				Query.query(Criteria.where("appealId").is(appealId).and("status").is(QueuedMessage.Status.QUEUED)),
				new Update().set("nextAttemptAt", this.clock.instant()), QueuedMessage.class);
	}

	/** Messages every attempt failed for, newest first. */
	public List<QueuedMessage> failed(int limit) {
		return this.mongo.find(Query.query(Criteria.where("status").is(QueuedMessage.Status.FAILED))
			.with(Sort.by(Sort.Direction.DESC, "nextAttemptAt"))
			.limit(limit), QueuedMessage.class);
	}

	private boolean urgent(String appealId) {
		WorkerContact contact = (appealId != null) ? this.mongo.findById(appealId, WorkerContact.class) : null;
		return contact != null && Boolean.TRUE.equals(contact.urgent());
	}

	private void hold(QueuedMessage message, Instant until) {
		this.mongo.updateFirst(asRead(message),
				new Update().set("status", QueuedMessage.Status.QUEUED).set("nextAttemptAt", until),
				QueuedMessage.class);
	}

	private QueuedMessage claim(QueuedMessage message, Instant now) {
		return this.mongo.findAndModify(asRead(message),
				new Update().set("status", QueuedMessage.Status.SENDING).set("nextAttemptAt", now),
				FindAndModifyOptions.options().returnNew(true), QueuedMessage.class);
	}

	/** The message as long as nobody changed it since it was read. */
	private static Query asRead(QueuedMessage message) {
		return Query.query(Criteria.where("_id")
			.is(message.id())
			.and("status")
			.is(message.status())
			.and("nextAttemptAt")
			.is(message.nextAttemptAt()));
	}

	/** False when the provider was not even tried (its circuit breaker is open). */
	private boolean send(QueuedMessage message) {
		int attempt = message.attempts() + 1;
		Sender sender = this.senders.get(message.via());
		try {
			if (sender == null) {
				throw new DeliveryException("No provider for " + message.via() + " is configured any more", null);
			}
			sender.send(message);
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(message.id())),
					new Update().set("status", QueuedMessage.Status.SENT)
						.set("attempts", attempt)
						.set("sentAt", this.clock.instant())
						.unset("lastError"),
					QueuedMessage.class);
			return true;
		}
		catch (ProviderUnavailableException ex) {
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(message.id())),
					new Update().set("status", QueuedMessage.Status.QUEUED)
						.set("nextAttemptAt", this.clock.instant().plus(PROVIDER_PAUSE))
						.set("lastError", ex.getMessage()),
					QueuedMessage.class);
			return false;
		}
		catch (DeliveryException ex) {
			boolean last = attempt >= this.maxAttempts;
			Duration pause = Duration.ofSeconds(1L << Math.min(attempt, 10));
			Instant next = this.clock.instant().plus((pause.compareTo(MAX_PAUSE) > 0) ? MAX_PAUSE : pause);
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(message.id())),
					new Update().set("status", last ? QueuedMessage.Status.FAILED : QueuedMessage.Status.QUEUED)
						.set("attempts", attempt)
						.set("nextAttemptAt", last ? this.clock.instant() : next)
						.set("lastError", ex.getMessage()),
					QueuedMessage.class);
			log.warn("{} message {} failed (attempt {} of {}){}: {}", message.via(), message.id(), attempt,
					this.maxAttempts, last ? ", given up" : "", ex.getMessage());
			return true;
		}
	}

}
