package org.waystation.routing.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.waystation.events.Taxonomy;
import org.waystation.support.problem.ProblemException;
import org.waystation.support.state.SharedState;

/**
 * The routing rules: seeded from {@code routing/default-rules.json} into an empty store,
 * kept in memory for matching, changed through the admin API. Each change takes the next
 * rule set version (a counter shared by all instances); an instance that sees a newer
 * version than its own reloads the rules, and the one that made the change reloads at
 * once, so the next appeal it routes follows the new rule.
 */
@Service
public class RoutingRules implements SharedState {

	private static final Logger log = LoggerFactory.getLogger(RoutingRules.class);

	static final String RULESET = "routing_ruleset";

	static final String DEFAULTS = "/routing/default-rules.json";

	static final String SYSTEM = "system";

	private final MongoTemplate mongo;

	private final Clock clock;

	private final Taxonomy taxonomy = Taxonomy.standard();

	private volatile Loaded loaded = new Loaded(-1, List.of());

	RoutingRules(MongoTemplate mongo, Optional<Clock> clock) {
		this.mongo = mongo;
		this.clock = clock.orElse(Clock.systemUTC());
		seed();
		reload();
	}

	/** The rule that routes an appeal, and the rule set version it belongs to. */
	public record Match(RoutingRule rule, long rulesetVersion) {

	}

	private record Loaded(long version, List<RoutingRule> rules) {

	}

	/**
	 * The most specific enabled rule for the category, district and station; the most
	 * recently changed one if two are equally specific.
	 */
	public Optional<Match> match(String category, String district, String stationId) {
		Loaded current = this.loaded;
		return current.rules()
			.stream()
			.filter((rule) -> rule.covers(category, district, stationId))
			.max(Comparator.comparingInt(RoutingRule::specificity).thenComparing(RoutingRule::getRulesetVersion))
			.map((rule) -> new Match(rule, current.version()));
	}

	public long version() {
		return this.loaded.version();
	}

	public List<RoutingRule> list() {
		return this.loaded.rules();
	}

	public Optional<RoutingRule> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, RoutingRule.class));
	}

	public RoutingRule create(RoutingRule.Terms terms, String actor) {
		validate(terms);
		RoutingRule rule = new RoutingRule(UUID.randomUUID().toString(), terms, actor, this.clock.instant(),
				nextVersion(), "CREATE");
		requireNoOtherEnabledRuleInScope(rule);
		this.mongo.insert(rule);
		reload();
		log.info("Routing rule {} created by {}: {}", rule.getId(), actor, rule.snapshot());
		return rule;
	}

	public RoutingRule update(String id, RoutingRule.Terms change, Long expectedRevision, String actor) {
		RoutingRule rule = require(id, expectedRevision);
		RoutingRule.Terms terms = new RoutingRule.Terms(rule.getCategory(), rule.getDistrict(), rule.getStationId(),
				change.department(), change.office(), change.note());
		validate(terms);
		rule.change(terms, rule.isEnabled(), actor, this.clock.instant(), nextVersion(), "UPDATE");
		return save(rule, actor);
	}

	public RoutingRule setEnabled(String id, boolean enabled, Long expectedRevision, String actor) {
		RoutingRule rule = require(id, expectedRevision);
		if (rule.isEnabled() == enabled) {
			return rule;
		}
		if (enabled) {
			requireNoOtherEnabledRuleInScope(rule);
		}
		rule.change(rule.terms(), enabled, actor, this.clock.instant(), nextVersion(), enabled ? "ENABLE" : "DISABLE");
		return save(rule, actor);
	}

	/** Every audited change, newest first; of one rule when a rule id is given. */
	public List<AuditEntry> audit(String ruleId, int limit) {
		List<RoutingRule> rules = (ruleId != null) ? find(ruleId).map(List::of).orElse(List.of())
				: this.mongo.findAll(RoutingRule.class);
		return rules.stream()
			.flatMap((rule) -> rule.getHistory().stream().map((change) -> new AuditEntry(rule.getId(), change)))
			.sorted(Comparator.comparingLong((AuditEntry entry) -> entry.change().rulesetVersion())
				.reversed()
				.thenComparing((entry) -> entry.change().at(), Comparator.reverseOrder()))
			.limit(limit)
			.toList();
	}

	public record AuditEntry(String ruleId, RoutingRule.Change change) {

	}

	/** Reloads the rules when another instance changed them. */
	@Override
	public void refresh() {
		if (storedVersion() != this.loaded.version()) {
			reload();
		}
	}

	private synchronized void reload() {
		long version = storedVersion();
		List<RoutingRule> rules = this.mongo.findAll(RoutingRule.class);
		this.loaded = new Loaded(version, List.copyOf(rules));
	}

	private RoutingRule save(RoutingRule rule, String actor) {
		try {
			RoutingRule saved = this.mongo.save(rule);
			reload();
			log.info("Routing rule {} changed by {}: {}", rule.getId(), actor, rule.snapshot());
			return saved;
		}
		catch (OptimisticLockingFailureException ex) {
			throw ProblemException.conflict("rule-changed",
					"Rule " + rule.getId() + " was changed by someone else in the meantime; read it again");
		}
	}

	private RoutingRule require(String id, Long expectedRevision) {
		RoutingRule rule = find(id)
			.orElseThrow(() -> ProblemException.notFound("rule-not-found", "There is no routing rule " + id));
		if (expectedRevision != null && !expectedRevision.equals(rule.getRevision())) {
			throw ProblemException.conflict("rule-changed", "Rule " + id + " is at revision " + rule.getRevision()
					+ ", not " + expectedRevision + "; read it again");
		}
		return rule;
	}

	private void requireNoOtherEnabledRuleInScope(RoutingRule rule) {
		this.mongo.findAll(RoutingRule.class)
			.stream()
			.filter((other) -> other.isEnabled() && !other.getId().equals(rule.getId()) && other.sameScope(rule))
			.findFirst()
			.ifPresent((other) -> {
				throw ProblemException.conflict("rule-scope-taken", "Rule " + other.getId()
						+ " already routes this category for this district and station; change or disable it");
			});
	}

	private void validate(RoutingRule.Terms terms) {
		if (this.taxonomy.category(terms.category()).isEmpty()) {
			throw ProblemException.invalid("category", "must be one of the taxonomy's category codes");
		}
		if (this.taxonomy.department(terms.department()).isEmpty()) {
			throw ProblemException.invalid("department", "must be one of the taxonomy's department codes");
		}
		if (terms.stationId() != null && terms.district() == null) {
			throw ProblemException.invalid("district", "is required when a station is given");
		}
	}

	private long nextVersion() {
		Counter counter = this.mongo.findAndModify(Query.query(Criteria.where("_id").is("current")),
				new Update().inc("version", 1), FindAndModifyOptions.options().upsert(true).returnNew(true),
				Counter.class, RULESET);
		return counter.version();
	}

	private long storedVersion() {
		Counter counter = this.mongo.findById("current", Counter.class, RULESET);
		return (counter != null) ? counter.version() : 0;
	}

	record Counter(String id, long version) {

	}

	/**
	 * Seeds the default rules into an empty store as rule set version 1. Ids are fixed,
	 * so two instances seeding at once insert each rule once.
	 */
	private void seed() {
		if (this.mongo.estimatedCount(RoutingRule.class) > 0) {
			return;
		}
		try {
			this.mongo.insert(new Counter("current", 1), RULESET);
		}
		catch (DuplicateKeyException ex) {
			// Another instance seeds too.
		}
		for (Default rule : defaults()) {
			try {
				this.mongo.insert(new RoutingRule(
						rule.id(), new RoutingRule.Terms(rule.category(), rule.district(), rule.stationId(),
								rule.department(), rule.office(), rule.note()),
						SYSTEM, this.clock.instant(), 1, "SEED"));
			}
			catch (DuplicateKeyException ex) {
				// Seeded by another instance.
			}
		}
		log.info("Seeded the default routing rules");
	}

	record Default(String id, String category, String district, String stationId, String department, String office,
			String note) {

	}

	record Defaults(List<Default> rules) {

	}

	static List<Default> defaults() {
		try (InputStream in = RoutingRules.class.getResourceAsStream(DEFAULTS)) {
			return JsonMapper.builder()
				.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
				.build()
				.readValue(in, Defaults.class)
				.rules();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
