package org.waystation.intake.appeal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.waystation.support.outbox.OutboxWriter;
import org.waystation.support.privacy.PhoneNumbers;
import org.waystation.support.web.ApiException;

/**
 * Accepts appeals. The appeal and its {@code AppealSubmitted} event are written in one
 * document, so an accepted appeal is never lost; a resubmission under the same
 * idempotency key returns the appeal it first created.
 */
@Service
public class AppealService {

	private static final Logger log = LoggerFactory.getLogger(AppealService.class);

	private static final int TRACKING_CODE_ATTEMPTS = 5;

	private final MongoTemplate mongo;

	private final OutboxWriter outbox;

	private final Clock clock;

	private final TrackingCodes trackingCodes = new TrackingCodes();

	public AppealService(MongoTemplate mongo, OutboxWriter outbox, Optional<Clock> clock) {
		this.mongo = mongo;
		this.outbox = outbox;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	public Submitted submit(SubmitAppeal submission) {
		String id = appealId(submission);
		String fingerprint = fingerprint(submission);
		for (int attempt = 1; attempt <= TRACKING_CODE_ATTEMPTS; attempt++) {
			String correlationId = (submission.correlationId() != null) ? submission.correlationId() : id;
			Appeal appeal = Appeal.submit(id, this.trackingCodes.next(), submission, fingerprint, correlationId,
					this.clock.instant());
			try {
				this.outbox.insert(appeal);
				log.info("Accepted appeal {} ({}) from {} via {}", appeal.getTrackingCode(), id,
						PhoneNumbers.mask(appeal.getPhone()), appeal.getChannel());
				return new Submitted(appeal, false);
			}
			catch (DuplicateKeyException ex) {
				Appeal existing = this.mongo.findById(id, Appeal.class);
				if (existing != null) {
					return replay(existing, fingerprint);
				}
				// The random tracking code was taken: draw another.
			}
		}
		throw new IllegalStateException("No free tracking code after " + TRACKING_CODE_ATTEMPTS + " attempts");
	}

	public Optional<Appeal> findByTrackingCode(String trackingCode) {
		return Optional.ofNullable(this.mongo.findOne(
				Query.query(Criteria.where("trackingCode").is(TrackingCodes.normalize(trackingCode))), Appeal.class));
	}

	private Submitted replay(Appeal existing, String fingerprint) {
		if (!existing.getFingerprint().equals(fingerprint)) {
			throw ApiException.conflict("idempotency-key-reused",
					"idempotencyKey was already used for a different appeal (" + existing.getTrackingCode()
							+ "); use a new key for a new appeal");
		}
		return new Submitted(existing, true);
	}

	/**
	 * With an idempotency key the id is derived from it (scoped to the worker's phone),
	 * so a retry lands on the same document however many instances take it.
	 */
	private static String appealId(SubmitAppeal submission) {
		if (submission.idempotencyKey() == null) {
			return UUID.randomUUID().toString();
		}
		String scoped = "appeal|" + submission.phone() + "|" + submission.idempotencyKey();
		return UUID.nameUUIDFromBytes(scoped.getBytes(StandardCharsets.UTF_8)).toString();
	}

	private static String fingerprint(SubmitAppeal submission) {
		String content = String.join("\u0000", submission.channel().name(), submission.text(), submission.phone(),
				String.valueOf(submission.district()), String.valueOf(submission.stationId()));
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The outcome of a submission.
	 *
	 * @param replayed true when an earlier submission under the same key is returned
	 */
	public record Submitted(Appeal appeal, boolean replayed) {

	}

}
