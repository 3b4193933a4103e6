package org.waystation.department.cases;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.waystation.events.AppealRouted;
import org.waystation.events.CaseEvent;
import org.waystation.events.CaseOpened;
import org.waystation.events.CaseResolved;
import org.waystation.events.CaseSigned;
import org.waystation.support.outbox.OutboxEntry;

/**
 * One department's handling of an appeal (工单). The case decides which transitions its
 * status allows and what each one changes; the service stores the change and the event
 * together.
 */
@Document("cases")
@CompoundIndex(name = "queue", def = "{'department': 1, 'status': 1, 'openedAt': 1}")
public class Case {

	@Id
	private String id;

	private String appealId;

	private String trackingCode;

	private String department;

	private String category;

	private String appealType;

	private String priority;

	private String correlationId;

	private CaseStatus status;

	private Instant openedAt;

	private Instant signedAt;

	private String signedBy;

	private Instant resolvedAt;

	private String resolvedBy;

	private String resolution;

	private List<OutboxEntry> outbox = new ArrayList<>();

	@Version
	private Long version;

	protected Case() {
	}

	/**
	 * The id of the case a department has for an appeal: opening it twice finds the same
	 * id.
	 */
	static String idFor(String appealId, String department) {
		return UUID.nameUUIDFromBytes(("case|" + appealId + "|" + department).getBytes(StandardCharsets.UTF_8))
			.toString();
	}

	/** A new case in the routed department's queue, with its {@code CaseOpened} event. */
	static Case open(AppealRouted routed, Instant now) {
		Case opened = new Case();
		opened.id = idFor(routed.appealId(), routed.department());
		opened.appealId = routed.appealId();
		opened.trackingCode = routed.trackingCode();
		opened.department = routed.department();
		opened.category = routed.category();
		opened.appealType = routed.appealType();
		opened.priority = routed.priority();
		opened.correlationId = routed.correlationId();
		opened.status = CaseStatus.OPEN;
		opened.openedAt = now;
		opened.outbox.add(OutboxEntry.of(new CaseOpened(UUID.randomUUID(), routed.appealId(), now,
				CaseOpened.SCHEMA_VERSION, routed.correlationId(), opened.id, routed.trackingCode(),
				routed.department(), routed.category(), routed.appealType(), routed.priority())));
		return opened;
	}

	/**
	 * Sign for the case (签收). Only an open case can be signed for.
	 * @return the change to store (this object has it applied already) and its event
	 */
	Transition sign(String staff, Instant now) {
		if (this.status != CaseStatus.OPEN) {
			throw new IllegalTransitionException("sign for", this.status,
					(this.status == CaseStatus.SIGNED) ? "it was already signed for" : "it is already resolved");
		}
		this.status = CaseStatus.SIGNED;
		this.signedAt = now;
		this.signedBy = staff;
		return new Transition(new Update().set("status", this.status).set("signedAt", now).set("signedBy", staff),
				new CaseSigned(UUID.randomUUID(), this.appealId, now, CaseSigned.SCHEMA_VERSION, this.correlationId,
						this.id, this.trackingCode, this.department, staff));
	}

	/**
	 * Resolve the case (办结) with a written resolution. Only a signed case can be
	 * resolved.
	 */
	Transition resolve(String resolution, String staff, Instant now) {
		if (this.status != CaseStatus.SIGNED) {
			throw new IllegalTransitionException("resolve", this.status,
					(this.status == CaseStatus.OPEN) ? "it must be signed for first" : "it is already resolved");
		}
		this.status = CaseStatus.RESOLVED;
		this.resolvedAt = now;
		this.resolvedBy = staff;
		this.resolution = resolution;
		return new Transition(
				new Update().set("status", this.status)
					.set("resolvedAt", now)
					.set("resolvedBy", staff)
					.set("resolution", resolution),
				new CaseResolved(UUID.randomUUID(), this.appealId, now, CaseResolved.SCHEMA_VERSION, this.correlationId,
						this.id, this.trackingCode, this.department, resolution, staff));
	}

	public String getId() {
		return this.id;
	}

	public String getAppealId() {
		return this.appealId;
	}

	public String getTrackingCode() {
		return this.trackingCode;
	}

	public String getDepartment() {
		return this.department;
	}

	public String getCategory() {
		return this.category;
	}

	public String getAppealType() {
		return this.appealType;
	}

	public String getPriority() {
		return this.priority;
	}

	public CaseStatus getStatus() {
		return this.status;
	}

	public Instant getOpenedAt() {
		return this.openedAt;
	}

	public Instant getSignedAt() {
		return this.signedAt;
	}

	public String getSignedBy() {
		return this.signedBy;
	}

	public Instant getResolvedAt() {
		return this.resolvedAt;
	}

	public String getResolvedBy() {
		return this.resolvedBy;
	}

	public String getResolution() {
		return this.resolution;
	}

	public long getVersion() {
		return (this.version != null) ? this.version : 0;
	}

	public List<OutboxEntry> getOutbox() {
		return List.copyOf(this.outbox);
	}

	/** What a transition changes in the stored case, and the event it publishes. */
	record Transition(Update change, CaseEvent event) {

	}

}
