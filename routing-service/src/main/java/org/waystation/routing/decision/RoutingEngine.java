package org.waystation.routing.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;
import org.waystation.classifier.Classification;
import org.waystation.events.Taxonomy;
import org.waystation.routing.RoutingProperties;
import org.waystation.routing.classifier.ClassifierService;
import org.waystation.routing.rules.RoutingRules;
import org.waystation.routing.similar.Duplicate;
import org.waystation.routing.similar.DuplicateDetector;
import org.waystation.routing.similar.HotTopic;
import org.waystation.routing.similar.Terms;
import org.waystation.routing.similar.TopicClusterer;

/**
 * Decides where an appeal goes. The classifier says what it is; the most specific routing
 * rule for its category, district and station says which department and office; the
 * confidence policy decides whether it goes there, to TRIAGE, or (URGENT) to both with a
 * supervisor alert. The same decision serves the preview, which records nothing.
 */
@Component
public class RoutingEngine {

	private final ClassifierService classifier;

	private final RoutingRules rules;

	private final DuplicateDetector duplicates;

	private final TopicClusterer topics;

	private final RoutingProperties properties;

	private final Taxonomy taxonomy = Taxonomy.standard();

	RoutingEngine(ClassifierService classifier, RoutingRules rules, DuplicateDetector duplicates, TopicClusterer topics,
			RoutingProperties properties) {
		this.classifier = classifier;
		this.rules = rules;
		this.duplicates = duplicates;
		this.topics = topics;
		this.properties = properties;
	}

	/**
	 * What routing would do with an appeal, recording nothing, and naming an earlier
	 * appeal it repeats only if {@code disclose} allows (a preview must not show staff
	 * another department's appeals).
	 */
	public Decision preview(Appeal appeal, Instant now, Predicate<Duplicate> disclose) {
		Judgement judgement = judge(appeal);
		Duplicate duplicate = (appeal.phoneHash() == null) ? null : this.duplicates
			.find(appeal.phoneHash(), appeal.appealId(), judgement.classification().category(), judgement.terms(), now)
			.filter(disclose)
			.orElse(null);
		HotTopic topic = this.topics.peek(judgement.classification().category(), judgement.terms(), now).orElse(null);
		return decision(judgement, duplicate, topic, null);
	}

	/**
	 * Decides where each appeal goes, in their order, given what {@link #judge} said of
	 * each: remembers them for duplicate detection (in two round trips for all of them)
	 * and places each in a hot topic, where it is counted once its decision is stored.
	 */
	List<Decision> decideAll(List<Appeal> appeals, List<Judgement> judgements, Instant now) {
		List<DuplicateDetector.Recording> recordings = new ArrayList<>();
		for (int i = 0; i < appeals.size(); i++) {
			Appeal appeal = appeals.get(i);
			if (appeal.phoneHash() != null) {
				recordings
					.add(new DuplicateDetector.Recording(appeal.phoneHash(), appeal.appealId(), appeal.trackingCode(),
							judgements.get(i).classification().category(), judgements.get(i).terms(), now));
			}
		}
		Iterator<Optional<Duplicate>> found = this.duplicates.recordAll(recordings).iterator();
		List<Decision> decisions = new ArrayList<>(appeals.size());
		for (int i = 0; i < appeals.size(); i++) {
			Appeal appeal = appeals.get(i);
			Judgement judgement = judgements.get(i);
			Duplicate duplicate = (appeal.phoneHash() != null) ? found.next().orElse(null) : null;
			TopicClusterer.Placement placement = this.topics.place(judgement.classification().category(),
					appeal.trackingCode(), appeal.phoneHash(), judgement.department(), appeal.district(),
					judgement.terms(), appeal.text(), now);
			decisions.add(decision(judgement, duplicate, placement.topic(), placement));
		}
		return decisions;
	}

	/**
	 * What the classifier, the routing rules and the confidence policy say of an appeal:
	 * the part of a decision that reads and records nothing, so appeals can be judged
	 * side by side.
	 */
	Judgement judge(Appeal appeal) {
		Classification classification = this.classifier.classifier().classify(appeal.text());
		double threshold = this.properties.confidenceThreshold();
		ConfidencePolicy.Outcome outcome = ConfidencePolicy.apply(classification,
				(category) -> ruleFor(category, appeal), threshold);
		return new Judgement(classification, outcome, threshold, Terms.of(classification.words()));
	}

	private Decision decision(Judgement judgement, Duplicate duplicate, HotTopic topic,
			TopicClusterer.Placement placement) {
		Classification classification = judgement.classification();
		ConfidencePolicy.Outcome outcome = judgement.outcome();
		Decision.TopicRef topicRef = (topic != null)
				? new Decision.TopicRef(topic.getId(), topic.getCount(), topic.getWorkerCount(), topic.topWords(5))
				: null;
		return new Decision(classification, outcome.department(), outcome.assistingDepartments(), outcome.office(),
				outcome.policy(), outcome.triage(), classification.urgent(), outcome.rule(), duplicate, topicRef,
				explain(true, judgement, duplicate), explain(false, judgement, duplicate), placement);
	}

	/**
	 * What {@link #judge} says of an appeal.
	 *
	 * @param threshold the confidence threshold it was judged at
	 * @param terms the words duplicates and hot topics compare
	 */
	record Judgement(Classification classification, ConfidencePolicy.Outcome outcome, double threshold,
			List<String> terms) {

		String department() {
			return this.outcome.department();
		}

	}

	/** An appeal to decide on; the ids are null for a preview. */
	public record Appeal(String appealId, String trackingCode, String text, String district, String stationId,
			String phoneHash) {

	}

	private Decision.RuleUse ruleFor(String category, Appeal appeal) {
		return this.rules.match(category, appeal.district(), appeal.stationId())
			.map((match) -> new Decision.RuleUse(match.rule().getId(), match.rule().getRevision(),
					match.rulesetVersion(), match.rule().getDepartment(), match.rule().getOffice(),
					match.rule().getNote()))
			.orElseGet(() -> new Decision.RuleUse(null, null, this.rules.version(),
					this.taxonomy.category(category).map(Taxonomy.Entry::department).orElse(Taxonomy.TRIAGE), null,
					null));
	}

	/**
	 * The classifier's explanation followed by routing's own: the rule, the policy, the
	 * link.
	 */
	private String explain(boolean zh, Judgement judgement, Duplicate duplicate) {
		Classification c = judgement.classification();
		String department = judgement.department();
		String policy = judgement.outcome().policy();
		Decision.RuleUse rule = judgement.outcome().rule();
		double threshold = judgement.threshold();
		StringBuilder text = new StringBuilder(zh ? c.explanation().zh() : c.explanation().en() + " ");
		if (rule.id() != null) {
			text.append(zh ? "路由规则 " : "Routing rule ")
				.append(rule.id())
				.append(zh ? "（第 " : " (revision ")
				.append(rule.revision())
				.append(zh ? " 版，规则集 v" : ", rule set v")
				.append(rule.rulesetVersion())
				.append(zh ? "）" : ")");
			if (rule.office() != null) {
				text.append(zh ? "指定" : " names ").append(rule.office());
			}
			text.append(zh ? "。" : ". ");
		}
		else {
			text.append(zh ? "没有适用的路由规则，按分类表默认部门。"
					: "No routing rule applies; the taxonomy's default department was used. ");
		}
		String departmentName = name(department, zh);
		switch (policy) {
			case Decision.LOW_CONFIDENCE_TRIAGE ->
				text.append(zh ? "置信度低于阈值 " : "Confidence is below the threshold of ")
					.append(percent(threshold))
					.append(zh ? "，转综合受理派单中心人工分拣，候选：" : ", so the triage desk decides; suggestions: ")
					.append(String.join(zh ? "、" : ", ",
							c.alternatives()
								.stream()
								.map((a) -> categoryName(a.category(), zh) + " " + percent(a.score()))
								.toList()))
					.append(zh ? "。" : ". ");
			case Decision.URGENT_BEST_GUESS_AND_TRIAGE ->
				text.append(zh ? "紧急诉求且分类把握不足：先派" : "Urgent and not sure of the category: sent to the ")
					.append(departmentName)
					.append(zh ? "处置，同时转综合受理派单中心复核，并已提醒值班领导。"
							: " at once and to the triage desk to check; a supervisor was alerted. ");
			case Decision.URGENT -> text.append(zh ? "紧急诉求：已提醒" : "Urgent: a supervisor of the ")
				.append(departmentName)
				.append(zh ? "值班领导。" : " was alerted. ");
			default -> {
			}
		}
		if (duplicate != null) {
			text.append(zh ? "同一来电人近期就同一事项已提交 " : "The same worker recently sent ")
				.append(duplicate.trackingCode())
				.append(zh ? "（相似度 " : " about the same thing (similarity ")
				.append(percent(duplicate.similarity()))
				.append(zh ? "），建议并单。" : "); merging is suggested. ");
		}
		return text.toString().strip();
	}

	private String name(String department, boolean zh) {
		return this.taxonomy.department(department).map((d) -> zh ? d.zh() : d.en()).orElse(department);
	}

	private String categoryName(String category, boolean zh) {
		return this.taxonomy.category(category).map((c) -> zh ? c.zh() : c.en()).orElse(category);
	}

	private static String percent(double value) {
		return String.format(Locale.ROOT, "%.0f%%", value * 100);
	}

}
