package org.waystation.routing.decision;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
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
	 * What routing would do with an appeal.
	 * @param record whether to remember the appeal for duplicate detection and place it
	 * in a hot topic, to be counted once the decision is stored (routing does; the
	 * preview does not)
	 */
	public Decision decide(Appeal appeal, boolean record, Instant now) {
		return decide(appeal, record, now, (duplicate) -> true);
	}

	/**
	 * What routing would do with an appeal, naming an earlier appeal it repeats only if
	 * {@code disclose} allows (a preview must not show staff another department's
	 * appeals).
	 */
	public Decision decide(Appeal appeal, boolean record, Instant now, Predicate<Duplicate> disclose) {
		Classification classification = this.classifier.classifier().classify(appeal.text());
		double threshold = this.properties.confidenceThreshold();
		ConfidencePolicy.Outcome outcome = ConfidencePolicy.apply(classification,
				(category) -> ruleFor(category, appeal), threshold);
		String department = outcome.department();
		String office = outcome.office();
		String policy = outcome.policy();
		Decision.RuleUse rule = outcome.rule();

		List<String> terms = Terms.of(classification.words());
		Duplicate duplicate = null;
		HotTopic topic;
		TopicClusterer.Placement placement = null;
		if (record) {
			if (appeal.phoneHash() != null) {
				duplicate = this.duplicates
					.record(appeal.phoneHash(), appeal.appealId(), appeal.trackingCode(), classification.category(),
							terms, now)
					.orElse(null);
			}
			placement = this.topics.place(classification.category(), appeal.trackingCode(), appeal.phoneHash(),
					department, appeal.district(), terms, appeal.text(), now);
			topic = placement.topic();
		}
		else {
			if (appeal.phoneHash() != null) {
				duplicate = this.duplicates
					.find(appeal.phoneHash(), appeal.appealId(), classification.category(), terms, now)
					.orElse(null);
			}
			topic = this.topics.peek(classification.category(), terms, now).orElse(null);
		}
		if (duplicate != null && !disclose.test(duplicate)) {
			duplicate = null;
		}
		Decision.TopicRef topicRef = (topic != null)
				? new Decision.TopicRef(topic.getId(), topic.getCount(), topic.getWorkerCount(), topic.topWords(5))
				: null;
		return new Decision(classification, department, outcome.assistingDepartments(), office, policy,
				outcome.triage(), classification.urgent(), rule, duplicate, topicRef,
				explain(true, classification, department, policy, rule, threshold, duplicate),
				explain(false, classification, department, policy, rule, threshold, duplicate), placement);
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
	private String explain(boolean zh, Classification c, String department, String policy, Decision.RuleUse rule,
			double threshold, Duplicate duplicate) {
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
