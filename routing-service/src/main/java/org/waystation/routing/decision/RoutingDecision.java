package org.waystation.routing.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.waystation.events.AppealRouted;
import org.waystation.events.AppealSubmitted;
import org.waystation.routing.classifier.Classification;
import org.waystation.support.outbox.OutboxEntry;

/**
 * How one appeal was routed, and why. Its id is the appeal's: an appeal is routed once.
 */
@Document("routing_decisions")
public class RoutingDecision {

	@Id
	private String appealId;

	private String trackingCode;

	private String category;

	private String department;

	private String appealType;

	private String priority;

	private double confidence;

	private List<String> matchedKeywords = new ArrayList<>();

	private String explanation;

	private String rulesVersion;

	private String district;

	private String stationId;

	private Instant decidedAt;

	private List<OutboxEntry> outbox = new ArrayList<>();

	@Version
	private Long version;

	protected RoutingDecision() {
	}

	static RoutingDecision decide(AppealSubmitted submitted, Classification classification, Instant now) {
		RoutingDecision decision = new RoutingDecision();
		decision.appealId = submitted.appealId();
		decision.trackingCode = submitted.trackingCode();
		decision.category = classification.category();
		decision.department = classification.department();
		decision.appealType = classification.appealType();
		decision.priority = classification.priority();
		decision.confidence = classification.confidence();
		decision.matchedKeywords = new ArrayList<>(classification.matchedKeywords());
		decision.explanation = classification.explanation();
		decision.rulesVersion = classification.rulesVersion();
		decision.district = submitted.district();
		decision.stationId = submitted.stationId();
		decision.decidedAt = now;
		decision.outbox.add(OutboxEntry.of(new AppealRouted(UUID.randomUUID(), submitted.appealId(), now,
				AppealRouted.SCHEMA_VERSION, submitted.correlationId(), submitted.trackingCode(),
				classification.category(), classification.department(), classification.appealType(),
				classification.priority(), classification.confidence(), classification.matchedKeywords(),
				classification.explanation(), submitted.district(), List.of())));
		return decision;
	}

	public String getAppealId() {
		return this.appealId;
	}

	public String getTrackingCode() {
		return this.trackingCode;
	}

	public String getCategory() {
		return this.category;
	}

	public String getDepartment() {
		return this.department;
	}

	public String getAppealType() {
		return this.appealType;
	}

	public String getPriority() {
		return this.priority;
	}

	public double getConfidence() {
		return this.confidence;
	}

	public List<String> getMatchedKeywords() {
		return List.copyOf(this.matchedKeywords);
	}

	public String getExplanation() {
		return this.explanation;
	}

	public String getRulesVersion() {
		return this.rulesVersion;
	}

	public String getDistrict() {
		return this.district;
	}

	public String getStationId() {
		return this.stationId;
	}

	public Instant getDecidedAt() {
		return this.decidedAt;
	}

	public List<OutboxEntry> getOutbox() {
		return List.copyOf(this.outbox);
	}

}
