package org.waystation.intake.appeal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.waystation.support.text.Digests;
import org.waystation.events.WorkerAnswered;
import org.waystation.events.WorkerRated;
import org.waystation.support.outbox.OutboxWriter;
import org.waystation.support.privacy.PhoneNumbers;
import org.waystation.support.problem.ProblemException;

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
		// Photos first: an appeal is never stored naming a photo that is not. A retry
		// writes the same documents again; one that was never acknowledged leaves them
		// unreferenced.
		for (Photo photo : submission.photos()) {
			this.mongo.save(new AppealPhoto(id, photo, this.clock.instant()));
		}
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

	/** The appeal's n-th photo (1 to 3), if it has one. */
	public Optional<AppealPhoto> photo(Appeal appeal, int n) {
		List<PhotoRef> photos = appeal.getPhotos();
		if (n < 1 || n > photos.size()) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.mongo.findById(photos.get(n - 1).id(), AppealPhoto.class));
	}

	public Optional<Appeal> findByTrackingCode(String trackingCode) {
		return Optional.ofNullable(this.mongo.findOne(
				Query.query(Criteria.where("trackingCode").is(TrackingCodes.normalize(trackingCode))), Appeal.class));
	}

	/**
	 * The appeal with this tracking code if it is the worker's own; another worker's
	 * appeal is answered exactly as a code that does not exist, so that codes cannot be
	 * probed.
	 */
	public Appeal ownedBy(String trackingCode, String workerId) {
		return findByTrackingCode(trackingCode).filter((appeal) -> workerId.equals(appeal.getWorkerId()))
			.orElseThrow(() -> ProblemException.notVisible("appeal-not-found",
					"You have no appeal with tracking code " + trackingCode));
	}

	/** The worker's own appeals, newest first. */
	public List<Appeal> ofWorker(String workerId, int limit) {
		return this.mongo.find(Query.query(Criteria.where("workerId").is(workerId))
			.with(Sort.by(Sort.Direction.DESC, "submittedAt"))
			.limit(limit), Appeal.class);
	}

	/**
	 * The appeals filed by one filer ({@link Filing#filedBy()}), newest first.
	 */
	public List<Appeal> filedBy(String filedBy, int limit) {
		return this.mongo.find(Query.query(Criteria.where("filing.filedBy").is(filedBy))
			.with(Sort.by(Sort.Direction.DESC, "submittedAt"))
			.limit(limit), Appeal.class);
	}

	/**
	 * The worker's answer to the department's pending question, passed on to the
	 * department as {@code WorkerAnswered}. Only one answer per question is taken.
	 */
	public Appeal answer(Appeal appeal, String answer) {
		PendingQuestion question = appeal.getPendingQuestion();
		if (question == null || question.answered()) {
			throw ProblemException.conflict("no-pending-question",
					"No question from the department is waiting for an answer on " + appeal.getTrackingCode());
		}
		WorkerAnswered answered = new WorkerAnswered(UUID.randomUUID(), appeal.getId(), this.clock.instant(),
				WorkerAnswered.SCHEMA_VERSION, appeal.getCorrelationId(), question.caseId(), appeal.getTrackingCode(),
				answer);
		Query unanswered = Query.query(Criteria.where("_id")
			.is(appeal.getId())
			.and("pendingQuestion.caseId")
			.is(question.caseId())
			.and("pendingQuestion.answered")
			.is(false));
		if (!this.outbox.updateWhere(unanswered, Appeal.class, new Update().set("pendingQuestion.answered", true),
				List.of(answered))) {
			throw ProblemException.conflict("no-pending-question", "The question was answered already");
		}
		return this.mongo.findById(appeal.getId(), Appeal.class);
	}

	/**
	 * The worker's rating of a resolved appeal, passed on to the department as
	 * {@code WorkerRated}. One rating per resolution.
	 */
	public Appeal rate(Appeal appeal, String rating, String comment) {
		String caseId = appeal.getRatingCaseId();
		if (caseId == null) {
			throw ProblemException.conflict("nothing-to-rate", "Appeal " + appeal.getTrackingCode()
					+ " has no resolution waiting for a rating (it is " + appeal.getStatus() + ")");
		}
		WorkerRated rated = new WorkerRated(UUID.randomUUID(), appeal.getId(), this.clock.instant(),
				WorkerRated.SCHEMA_VERSION, appeal.getCorrelationId(), caseId, appeal.getTrackingCode(), rating,
				comment);
		Query awaiting = Query.query(Criteria.where("_id").is(appeal.getId()).and("ratingCaseId").is(caseId));
		if (!this.outbox.updateWhere(awaiting, Appeal.class, new Update().unset("ratingCaseId"), List.of(rated))) {
			throw ProblemException.conflict("nothing-to-rate", "This resolution was rated already");
		}
		return this.mongo.findById(appeal.getId(), Appeal.class);
	}

	private Submitted replay(Appeal existing, String fingerprint) {
		if (!existing.getFingerprint().equals(fingerprint)) {
			throw ProblemException.conflict("idempotency-key-reused",
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
		if (!submission.photos().isEmpty()) {
			content += "\u0000" + String.join(",", submission.photos().stream().map(Photo::digest).toList());
		}
		return Digests.sha256(content);
	}

	/**
	 * The outcome of a submission.
	 *
	 * @param replayed true when an earlier submission under the same key is returned
	 */
	public record Submitted(Appeal appeal, boolean replayed) {

	}

}
