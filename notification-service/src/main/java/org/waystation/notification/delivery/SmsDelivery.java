package org.waystation.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
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
import org.waystation.support.messaging.SmsMessage;
import org.waystation.support.messaging.SmsProvider;
import org.waystation.support.privacy.PhoneNumbers;

/**
 * Queues a worker's messages for SMS and sends them. A message is in the store before it
 * is sent, so a crash or a provider outage loses none: the queue drains once the provider
 * answers again. A send that fails is tried again after 2, 4, 8, ... seconds (at most 10
 * minutes apart), 10 times in all ({@code waystation.notifications.sms.max-attempts}),
 * then marked FAILED and listed for supervisors. While the provider's circuit breaker is
 * open, nothing is tried and no attempt is counted. In quiet hours ({@link QuietHours})
 * messages wait unless their appeal is URGENT. An instance claims a message before
 * sending it, so two instances never send the same one; a claim left by a stopped
 * instance is taken over after a minute (at worst, that one message goes twice).
 */
@Service
public class SmsDelivery {

	private static final Logger log = LoggerFactory.getLogger(SmsDelivery.class);

	/**
	 * The channels whose workers have no app to read the in-app inbox in (an Open311
	 * client is another organisation's app, and messages through the IM account's send
	 * API are still to come: their workers are texted at the phone they gave).
	 */
	static final Set<Channel> BY_SMS = EnumSet.of(Channel.SMS, Channel.IM, Channel.HOTLINE, Channel.KIOSK,
			Channel.GRID_WORKER, Channel.WISH_BOX, Channel.CSV_IMPORT, Channel.OPEN311);

	private static final Duration MAX_PAUSE = Duration.ofMinutes(10);

	private static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(1);

	private static final int BATCH = 50;

	/** How long messages wait while the provider's circuit breaker is open. */
	private static final Duration PROVIDER_PAUSE = Duration.ofSeconds(5);

	private final MongoTemplate mongo;

	private final SmsProvider sms;

	private final Clock clock;

	private final QuietHours quiet;

	private final int maxAttempts;

	SmsDelivery(MongoTemplate mongo, SmsProvider sms, Optional<Clock> clock,
			@Value("${waystation.notifications.sms.quiet-hours.start:22:00}") LocalTime quietStart,
			@Value("${waystation.notifications.sms.quiet-hours.end:07:00}") LocalTime quietEnd,
			@Value("${waystation.notifications.time-zone:Asia/Shanghai}") ZoneId zone,
			@Value("${waystation.notifications.sms.max-attempts:10}") int maxAttempts) {
		this.mongo = mongo;
		this.sms = sms;
		this.clock = clock.orElse(Clock.systemUTC());
		this.quiet = new QuietHours(quietStart, quietEnd, zone);
		this.maxAttempts = maxAttempts;
	}

	/** Whether a worker who appealed through the channel is told by SMS. */
	public static boolean bySms(Channel channel) {
		return channel != null && BY_SMS.contains(channel);
	}

	/** Queues the notification's text for the phone; once per notification. */
	public void queue(String notificationId, String appealId, String phone, String text) {
		Instant now = this.clock.instant();
		try {
			this.mongo.insert(new QueuedSms(notificationId, appealId, phone, text, QueuedSms.Status.QUEUED, 0, now, now,
					null, null));
		}
		catch (DuplicateKeyException ex) {
			// Queued already (the event came twice, or another instance was first).
		}
	}

	/** Sends what is due, a batch at a time. */
	@Scheduled(fixedDelayString = "${waystation.notification.sms.poll:1s}", initialDelayString = "2s")
	public void dispatch() {
		Instant now = this.clock.instant();
		List<QueuedSms> due = this.mongo.find(
				Query.query(new Criteria().orOperator(
						Criteria.where("status").is(QueuedSms.Status.QUEUED).and("nextAttemptAt").lte(now),
						Criteria.where("status")
							.is(QueuedSms.Status.SENDING)
							.and("nextAttemptAt")
							.lte(now.minus(CLAIM_TIMEOUT))))
					.with(Sort.by("nextAttemptAt"))
					.limit(BATCH),
				QueuedSms.class);
		Optional<Instant> quietUntil = this.quiet.endOf(now);
		for (QueuedSms message : due) {
			if (quietUntil.isPresent() && !urgent(message.appealId())) {
				hold(message, quietUntil.get());
				continue;
			}
			QueuedSms claimed = claim(message, now);
			if (claimed != null && !send(claimed)) {
				// The provider is down (its circuit breaker is open): the rest wait too.
				return;
			}
		}
	}

	/**
	 * Sends the appeal's messages held for quiet hours now: the appeal turned out to be
	 * URGENT.
	 */
	public void releaseUrgent(String appealId) {
		this.mongo.updateMulti(
				Query.query(Criteria.where("appealId").is(appealId).and("status").is(QueuedSms.Status.QUEUED)),
				new Update().set("nextAttemptAt", this.clock.instant()), QueuedSms.class);
	}

	/** Messages every attempt failed for, newest first. */
	public List<QueuedSms> failed(int limit) {
		return this.mongo.find(Query.query(Criteria.where("status").is(QueuedSms.Status.FAILED))
			.with(Sort.by(Sort.Direction.DESC, "nextAttemptAt"))
			.limit(limit), QueuedSms.class);
	}

	private boolean urgent(String appealId) {
		WorkerContact contact = (appealId != null) ? this.mongo.findById(appealId, WorkerContact.class) : null;
		return contact != null && Boolean.TRUE.equals(contact.urgent());
	}

	private void hold(QueuedSms message, Instant until) {
		this.mongo.updateFirst(asRead(message),
				new Update().set("status", QueuedSms.Status.QUEUED).set("nextAttemptAt", until), QueuedSms.class);
	}

	private QueuedSms claim(QueuedSms message, Instant now) {
		return this.mongo.findAndModify(asRead(message),
				new Update().set("status", QueuedSms.Status.SENDING).set("nextAttemptAt", now),
				FindAndModifyOptions.options().returnNew(true), QueuedSms.class);
	}

	/** The message as long as nobody changed it since it was read. */
	private static Query asRead(QueuedSms message) {
		return Query.query(Criteria.where("_id")
			.is(message.id())
			.and("status")
			.is(message.status())
			.and("nextAttemptAt")
			.is(message.nextAttemptAt()));
	}

	/** False when the provider was not even tried (its circuit breaker is open). */
	private boolean send(QueuedSms message) {
		int attempt = message.attempts() + 1;
		try {
			this.sms.send(new SmsMessage(message.to(), message.text(), "notification"));
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(message.id())),
					new Update().set("status", QueuedSms.Status.SENT)
						.set("attempts", attempt)
						.set("sentAt", this.clock.instant())
						.unset("lastError"),
					QueuedSms.class);
			return true;
		}
		catch (SmsProvider.ProviderUnavailableException ex) {
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(message.id())),
					new Update().set("status", QueuedSms.Status.QUEUED)
						.set("nextAttemptAt", this.clock.instant().plus(PROVIDER_PAUSE))
						.set("lastError", ex.getMessage()),
					QueuedSms.class);
			return false;
		}
		catch (SmsProvider.SmsDeliveryException ex) {
			boolean last = attempt >= this.maxAttempts;
			Duration pause = Duration.ofSeconds(1L << Math.min(attempt, 10));
			Instant next = this.clock.instant().plus((pause.compareTo(MAX_PAUSE) > 0) ? MAX_PAUSE : pause);
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(message.id())),
					new Update().set("status", last ? QueuedSms.Status.FAILED : QueuedSms.Status.QUEUED)
						.set("attempts", attempt)
						.set("nextAttemptAt", last ? this.clock.instant() : next)
						.set("lastError", ex.getMessage()),
					QueuedSms.class);
			log.warn("SMS {} to {} failed (attempt {} of {}){}: {}", message.id(), PhoneNumbers.mask(message.to()),
					attempt, this.maxAttempts, last ? ", given up" : "", ex.getMessage());
			return true;
		}
	}

}
