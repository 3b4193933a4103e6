package org.waystation.identity.otp;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.waystation.identity.IdentityProperties;
import org.waystation.identity.audit.SecurityEvents;
import org.waystation.support.messaging.DeliveryException;
import org.waystation.support.messaging.SmsMessage;
import org.waystation.support.messaging.SmsProvider;
import org.waystation.support.privacy.PhoneNumbers;
import org.waystation.support.privacy.WorkerIds;

/**
 * Workers' sign-in codes: six digits by SMS, good for five minutes, once, for at most
 * five tries; a new code replaces the last. Sending is limited per phone (one a minute,
 * five an hour, ten a day) and per client address. Any valid number gets a code, whether
 * or not it ever appealed, so the answer says nothing about the phone.
 */
@Service
public class PhoneCodes {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final MongoTemplate mongo;

	private final SmsProvider sms;

	private final WorkerIds workerIds;

	private final SecurityEvents events;

	private final IdentityProperties.Codes limits;

	private final SecretKeySpec key;

	private final Clock clock;

	PhoneCodes(MongoTemplate mongo, SmsProvider sms, WorkerIds workerIds, SecurityEvents events,
			IdentityProperties properties, Optional<Clock> clock) {
		this.mongo = mongo;
		this.sms = sms;
		this.workerIds = workerIds;
		this.events = events;
		this.limits = properties.codes();
		this.key = new SecretKeySpec(properties.codeKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Sends a new code to the phone.
	 * @param phone in canonical form
	 * @throws TooSoonException when a limit says wait
	 * @throws DeliveryException when the SMS gateway did not take it
	 */
	public Sent send(String phone, String address, Locale language) {
		Instant now = this.clock.instant();
		String workerId = this.workerIds.of(phone);
		String addressHash = hash("address", address);
		CodeRequests requests = this.mongo.findById(addressHash, CodeRequests.class);
		SendLog fromAddress = new SendLog((requests != null) ? requests.sends() : null);
		PhoneCode previous = this.mongo.findById(workerId, PhoneCode.class);
		SendLog toPhone = new SendLog((previous != null) ? previous.sends() : null);
		Optional<Duration> wait = longest(toPhone.waitFor(1, this.limits.resendAfter(), now),
				toPhone.waitFor(this.limits.perPhonePerHour(), Duration.ofHours(1), now),
				toPhone.waitFor(this.limits.perPhonePerDay(), Duration.ofDays(1), now),
				fromAddress.waitFor(this.limits.perAddressPerHour(), Duration.ofHours(1), now));
		if (wait.isPresent()) {
			this.events.record("code-refused", workerId, null, address, "send limit");
			throw new TooSoonException(wait.get());
		}
		String code = String.format(Locale.ROOT, "%06d", RANDOM.nextInt(1_000_000));
		try {
			this.mongo.save(new CodeRequests(addressHash, fromAddress.plus(now, Duration.ofHours(1)).sends(),
					(requests != null) ? requests.version() : null));
			this.mongo.save(new PhoneCode(workerId, hash(workerId + ":" + now.toEpochMilli(), code), now,
					now.plus(this.limits.lifetime()), 0, false, toPhone.plus(now, Duration.ofDays(1)).sends(),
					(previous != null) ? previous.version() : null));
		}
		catch (OptimisticLockingFailureException | DuplicateKeyException ex) {
			// Another request for the same phone or address at the same moment.
			throw new TooSoonException(Duration.ofSeconds(1));
		}
		try {
			this.sms.send(new SmsMessage(phone, text(code, language), SmsMessage.ONE_TIME_CODE));
		}
		catch (DeliveryException ex) {
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(workerId)), new Update().unset("codeHash"),
					PhoneCode.class);
			this.events.record("code-not-sent", workerId, null, address, ex.getMessage());
			throw ex;
		}
		this.events.record("code-sent", workerId, null, address, PhoneNumbers.mask(phone));
		return new Sent(PhoneNumbers.mask(phone), this.limits.lifetime(), this.limits.resendAfter());
	}

	/**
	 * Checks a code: the worker's id if it is the phone's current code, unused, unexpired
	 * and within its tries; every try counts, right or wrong.
	 */
	public Optional<String> verify(String phone, String code, String address) {
		String workerId = this.workerIds.of(phone);
		Instant now = this.clock.instant();
		if (code == null || !code.matches("\\d{6}")) {
			this.events.record("code-failed", workerId, null, address, "not six digits");
			return Optional.empty();
		}
		PhoneCode tried = this.mongo.findAndModify(
				Query.query(Criteria.where("_id")
					.is(workerId)
					.and("used")
					.is(false)
					.and("codeHash")
					.ne(null)
					.and("expiresAt")
					.gt(now)
					.and("attempts")
					.lt(this.limits.maxAttempts())),
				new Update().inc("attempts", 1), FindAndModifyOptions.options().returnNew(true), PhoneCode.class);
		if (tried == null) {
			this.events.record("code-failed", workerId, null, address, "no usable code");
			return Optional.empty();
		}
		String expected = hash(workerId + ":" + tried.issuedAt().toEpochMilli(), code);
		if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				tried.codeHash().getBytes(StandardCharsets.US_ASCII))) {
			this.events.record("code-failed", workerId, null, address, "wrong code, try " + tried.attempts());
			return Optional.empty();
		}
		boolean spent = this.mongo
			.updateFirst(
					Query.query(Criteria.where("_id").is(workerId).and("codeHash").is(expected).and("used").is(false)),
					new Update().set("used", true).unset("codeHash"), PhoneCode.class)
			.getModifiedCount() == 1;
		if (!spent) {
			this.events.record("code-failed", workerId, null, address, "used already");
			return Optional.empty();
		}
		this.events.record("code-verified", workerId, null, address, null);
		return Optional.of(workerId);
	}

	private static String text(String code, Locale language) {
		if (language != null && "en".equals(language.getLanguage())) {
			return "Waystation sign-in code " + code + ", valid for 5 minutes. Never tell anyone.";
		}
		return "【暖心驿站】您的登录验证码为" + code + "，5分钟内有效，请勿告诉他人。";
	}

	@SafeVarargs
	private static Optional<Duration> longest(Optional<Duration>... waits) {
		return List.of(waits).stream().flatMap(Optional::stream).max(Duration::compareTo);
	}

	private String hash(String context, String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return HexFormat.of().formatHex(mac.doFinal((context + "|" + value).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A code sent.
	 *
	 * @param sentTo the phone, masked
	 */
	public record Sent(String sentTo, Duration validFor, Duration resendAfter) {

	}

	/** A send limit was reached: try again after the given time. */
	public static class TooSoonException extends RuntimeException {

		private final Duration retryAfter;

		TooSoonException(Duration retryAfter) {
			super("Too many codes asked for; try again in " + Math.max(1, retryAfter.toSeconds()) + " s");
			this.retryAfter = retryAfter;
		}

		public Duration retryAfter() {
			return this.retryAfter;
		}

	}

}
