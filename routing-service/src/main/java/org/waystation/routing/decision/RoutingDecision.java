package org.waystation.routing.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.waystation.classifier.Classification;
import org.waystation.events.AppealRouted;
import org.waystation.events.AppealSubmitted;
import org.waystation.events.SupervisorAlerted;
import org.waystation.routing.similar.Duplicate;
import org.waystation.support.outbox.OutboxEntry;

/**
 * How one appeal was routed, and why, stored with the events it causes. Its id is the
 * appeal's: an appeal is routed once. The text is kept so the triage desk's corrections
 * can be learned from; the phone only as a keyed hash.
 */
@Document("routing_decisions")
public class RoutingDecision {

	@Id
	private String appealId;

	private String trackingCode;

	private String text;

	private String channel;

	private String district;

	private String stationId;

	private String phoneHash;

	private String category;

	private String department;

	private List<String> assistingDepartments = new ArrayList<>();

	private String office;

	private String appealType;

	private String priority;

	private double confidence;

	private String policy;

	private boolean triage;

	private boolean alert;

	private List<Classification.Alternative> alternatives = new ArrayList<>();

	private List<Classification.FiredRule> firedRules = new ArrayList<>();

	private List<Classification.WeightedTerm> topTerms = new ArrayList<>();

	private String explanation;

	private String explanationEn;

	private Decision.RuleUse routingRule;

	private String modelVersion;

	private String signalRulesVersion;

	private Duplicate duplicateOf;

	private Decision.TopicRef topic;

	private Instant decidedAt;

	private List<OutboxEntry> outbox = new ArrayList<>();

	@Version
	private Long version;

	protected RoutingDecision() {
	}

	static RoutingDecision of(AppealSubmitted submitted, String phoneHash, Decision decision, Instant now) {
		Classification c = decision.classification();
		RoutingDecision routed = new RoutingDecision();
		routed.appealId = submitted.appealId();
		routed.trackingCode = submitted.trackingCode();
		routed.text = submitted.text();
		routed.channel = (submitted.channel() != null) ? submitted.channel().name() : null;
		routed.district = submitted.district();
		routed.stationId = submitted.stationId();
		routed.phoneHash = phoneHash;
		routed.category = c.category();
		routed.department = decision.department();
		routed.assistingDepartments = new ArrayList<>(decision.assistingDepartments());
		routed.office = decision.office();
		routed.appealType = c.appealType();
		routed.priority = c.priority();
		routed.confidence = c.confidence();
		routed.policy = decision.policy();
		routed.triage = decision.triage();
		routed.alert = decision.alert();
		routed.alternatives = new ArrayList<>(c.alternatives());
		routed.firedRules = new ArrayList<>(c.explanation().rules());
		routed.topTerms = new ArrayList<>(c.explanation().terms());
		routed.explanation = decision.explanationZh();
		routed.explanationEn = decision.explanationEn();
		routed.routingRule = decision.rule();
		routed.modelVersion = c.modelVersion();
		routed.signalRulesVersion = c.rulesVersion();
		routed.duplicateOf = decision.duplicateOf();
		routed.topic = decision.topic();
		routed.decidedAt = now;
		routed.outbox.add(OutboxEntry.of(new AppealRouted(UUID.randomUUID(), submitted.appealId(), now,
				AppealRouted.SCHEMA_VERSION, submitted.correlationId(), submitted.trackingCode(), c.category(),
				decision.department(), c.appealType(), c.priority(), c.confidence(),
				c.explanation().terms().stream().map(Classification.WeightedTerm::term).toList(),
				decision.explanationZh(), submitted.district(), decision.assistingDepartments(), decision.office(),
				(decision.duplicateOf() != null) ? decision.duplicateOf().appealId() : null,
				c.alternatives()
					.stream()
					.map((a) -> new AppealRouted.Suggestion(a.category(), a.department(), a.score()))
					.toList(),
				submitted.text(), routed.channel, submitted.stationId(), submitted.occurredAt(),
				decision.explanationEn(), decision.policy(), (decision.rule() != null) ? decision.rule().id() : null,
				phoneHash)));
		if (decision.alert()) {
			routed.outbox.add(OutboxEntry.of(new SupervisorAlerted(UUID.randomUUID(), submitted.appealId(), now,
					SupervisorAlerted.SCHEMA_VERSION, submitted.correlationId(), submitted.trackingCode(),
					SupervisorAlerted.URGENT_APPEAL, decision.department(), c.category(), c.priority(), c.confidence(),
					decision.triage(), submitted.district(), decision.explanationZh())));
		}
		return routed;
	}

	/** The decision as the API shows it. */
	public DecisionView view() {
		return view(true);
	}

	/**
	 * The decision as the API shows it, with or without the earlier appeal it repeats: a
	 * caller who may not see that appeal reads neither its id nor its tracking code.
	 */
	public DecisionView view(boolean discloseDuplicate) {
		String zh = this.explanation;
		String en = this.explanationEn;
		Duplicate duplicate = this.duplicateOf;
		if (!discloseDuplicate && duplicate != null) {
			zh = (zh != null) ? zh.replace(duplicate.trackingCode(), "另一诉求") : null;
			en = (en != null) ? en.replace(duplicate.trackingCode(), "another appeal") : null;
			duplicate = null;
		}
		return new DecisionView(this.appealId, this.trackingCode, this.text, this.channel, this.category,
				this.department, this.assistingDepartments, this.office, this.appealType, this.priority,
				this.confidence, this.policy, this.triage, this.alert, this.alternatives,
				new DecisionView.Explanation(zh, en, this.firedRules, this.topTerms), this.routingRule, duplicate,
				this.topic, this.modelVersion, this.signalRulesVersion, this.district, this.stationId, this.decidedAt);
	}

	/** The lead department and the assisting ones. */
	public List<String> departments() {
		List<String> all = new ArrayList<>();
		all.add(this.department);
		if (this.assistingDepartments != null) {
			all.addAll(this.assistingDepartments);
		}
		return all;
	}

	public String getAppealId() {
		return this.appealId;
	}

	public String getTrackingCode() {
		return this.trackingCode;
	}

	public String getText() {
		return this.text;
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

	public String getPolicy() {
		return this.policy;
	}

	public Decision.RuleUse getRoutingRule() {
		return this.routingRule;
	}

	public Duplicate getDuplicateOf() {
		return this.duplicateOf;
	}

	public List<OutboxEntry> getOutbox() {
		return List.copyOf(this.outbox);
	}

}
