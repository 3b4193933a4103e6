package org.waystation.intake.appeal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.waystation.events.AppealSubmitted;
import org.waystation.events.Channel;
import org.waystation.support.outbox.OutboxEntry;

/**
 * A worker's appeal as submitted, with the tracking view kept from the events of its
 * handling. The appeal itself never changes once submitted; cases (in department-service)
 * do.
 */
@Document("appeals")
public class Appeal {

	@Id
	private String id;

	@Indexed(unique = true)
	private String trackingCode;

	private Channel channel;

	private String text;

	private String phone;

	/** The worker's pseudonymous id (keyed hash of the phone): whose appeal this is. */
	@Indexed
	private String workerId;

	private String district;

	private String stationId;

	private String idempotencyKey;

	/** Who filed it on the worker's behalf, or null when the worker did. */
	private Filing filing;

	/** Where the worker is answered when not at the phone (the IM user id), or null. */
	private String replyTo;

	/**
	 * Hash of what was submitted, to tell a retry from a different appeal under a reused
	 * key.
	 */
	private String fingerprint;

	private AppealStatus status;

	private String category;

	private String department;

	private String caseId;

	private String resolution;

	private String correlationId;

	private String leadCaseId;

	/** The departments given a case of this appeal (lead or assisting). */
	private List<String> departments = new ArrayList<>();

	/** When the lead case must be resolved, as the worker is told. */
	private Instant resolveDueAt;

	/** A question from the department waiting for the worker's answer. */
	private PendingQuestion pendingQuestion;

	/** The case whose resolution waits for the worker's rating, if any. */
	private String ratingCaseId;

	private String rating;

	private String mergedIntoTrackingCode;

	private Instant submittedAt;

	private Instant updatedAt;

	/**
	 * The photos sent with the appeal, stored apart (collection {@code appeal_photos}).
	 */
	private List<PhotoRef> photos = new ArrayList<>();

	private List<TimelineEntry> timeline = new ArrayList<>();

	private List<OutboxEntry> outbox = new ArrayList<>();

	@Version
	private Long version;

	protected Appeal() {
	}

	/** A new appeal, with its {@code AppealSubmitted} event waiting in the outbox. */
	static Appeal submit(String id, String trackingCode, SubmitAppeal submission, String fingerprint,
			String correlationId, Instant now) {
		Appeal appeal = new Appeal();
		appeal.id = id;
		appeal.trackingCode = trackingCode;
		appeal.channel = submission.channel();
		appeal.text = submission.text();
		appeal.phone = submission.phone();
		appeal.workerId = submission.workerId();
		appeal.district = submission.district();
		appeal.stationId = submission.stationId();
		appeal.idempotencyKey = submission.idempotencyKey();
		appeal.filing = submission.filing();
		appeal.replyTo = submission.replyTo();
		appeal.fingerprint = fingerprint;
		appeal.correlationId = correlationId;
		appeal.photos = submission.photos()
			.stream()
			.map((photo) -> new PhotoRef(AppealPhoto.idOf(id, photo), photo.contentType(), photo.data().length))
			.toList();
		appeal.status = AppealStatus.SUBMITTED;
		appeal.submittedAt = now;
		appeal.updatedAt = now;
		AppealSubmitted submitted = new AppealSubmitted(UUID.randomUUID(), id, now, AppealSubmitted.SCHEMA_VERSION,
				correlationId, trackingCode, appeal.channel, appeal.text, appeal.phone, appeal.district,
				appeal.stationId, appeal.workerId, appeal.replyTo);
		appeal.timeline.add(new TimelineEntry(submitted.eventId().toString(), submitted.type(), AppealStatus.SUBMITTED,
				now, null, null, null));
		appeal.outbox.add(OutboxEntry.of(submitted));
		return appeal;
	}

	public String getId() {
		return this.id;
	}

	public String getTrackingCode() {
		return this.trackingCode;
	}

	public Channel getChannel() {
		return this.channel;
	}

	public String getText() {
		return this.text;
	}

	public String getPhone() {
		return this.phone;
	}

	public String getWorkerId() {
		return this.workerId;
	}

	public List<PhotoRef> getPhotos() {
		return (this.photos != null) ? List.copyOf(this.photos) : List.of();
	}

	public List<String> getDepartments() {
		return (this.departments != null) ? List.copyOf(this.departments) : List.of();
	}

	public String getDistrict() {
		return this.district;
	}

	public String getStationId() {
		return this.stationId;
	}

	public Filing getFiling() {
		return this.filing;
	}

	public String getReplyTo() {
		return this.replyTo;
	}

	public String getIdempotencyKey() {
		return this.idempotencyKey;
	}

	public String getFingerprint() {
		return this.fingerprint;
	}

	public AppealStatus getStatus() {
		return this.status;
	}

	public String getCategory() {
		return this.category;
	}

	public String getDepartment() {
		return this.department;
	}

	public String getCaseId() {
		return this.caseId;
	}

	public String getResolution() {
		return this.resolution;
	}

	public String getLeadCaseId() {
		return this.leadCaseId;
	}

	public Instant getResolveDueAt() {
		return this.resolveDueAt;
	}

	public PendingQuestion getPendingQuestion() {
		return this.pendingQuestion;
	}

	public String getRatingCaseId() {
		return this.ratingCaseId;
	}

	public String getRating() {
		return this.rating;
	}

	public String getMergedIntoTrackingCode() {
		return this.mergedIntoTrackingCode;
	}

	public String getCorrelationId() {
		return (this.correlationId != null) ? this.correlationId : this.id;
	}

	public Instant getSubmittedAt() {
		return this.submittedAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public List<TimelineEntry> getTimeline() {
		return List.copyOf(this.timeline);
	}

	public List<OutboxEntry> getOutbox() {
		return List.copyOf(this.outbox);
	}

}
