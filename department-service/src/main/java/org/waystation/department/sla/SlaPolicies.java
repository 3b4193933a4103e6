package org.waystation.department.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import tools.jackson.core.type.TypeReference;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;
import org.waystation.support.state.SharedState;

/**
 * SLA policies and the business calendar, stored in MongoDB and seeded from the shipped
 * defaults the first time a service starts on an empty database. Administrators change
 * both at run time; a change applies to cases opened from then on, in every instance: the
 * one that made it at once, the others at their next shared-state refresh.
 */
@Service
public class SlaPolicies implements SharedState {

	private final MongoTemplate mongo;

	private final Clock clock;

	private final AtomicReference<BusinessCalendar> calendar = new AtomicReference<>();

	private final AtomicReference<List<SlaPolicy>> policies = new AtomicReference<>();

	SlaPolicies(MongoTemplate mongo, Optional<Clock> clock) {
		this.mongo = mongo;
		this.clock = clock.orElse(Clock.systemUTC());
		seed();
	}

	private void seed() {
		if (this.mongo.findById(CalendarDocument.DEFAULT_ID, CalendarDocument.class) == null) {
			this.mongo.save(CalendarDocument.standard());
		}
		if (this.mongo.count(new org.springframework.data.mongodb.core.query.Query(), SlaPolicy.class) == 0) {
			Json.read("/sla/default-policies.json", new TypeReference<List<SlaPolicy>>() {
			}).forEach(this.mongo::save);
		}
		this.calendar.set(calendarDocument().toCalendar());
	}

	public CalendarDocument calendarDocument() {
		return this.mongo.findById(CalendarDocument.DEFAULT_ID, CalendarDocument.class);
	}

	public BusinessCalendar calendar() {
		return this.calendar.get();
	}

	/** Replaces the calendar; the document is checked first. */
	public CalendarDocument replaceCalendar(CalendarDocument document, String by) {
		CalendarDocument stored = new CalendarDocument(CalendarDocument.DEFAULT_ID, document.zone(), document.periods(),
				document.holidays(), document.workdays(), document.note(), this.clock.instant(), by);
		BusinessCalendar checked = stored.toCalendar();
		this.mongo.save(stored);
		this.calendar.set(checked);
		return stored;
	}

	/**
	 * Re-reads the calendar and the policies, for changes another instance made: a read
	 * by id and a read of a small collection.
	 */
	@Override
	public void refresh() {
		this.calendar.set(calendarDocument().toCalendar());
		this.policies.set(this.mongo.findAll(SlaPolicy.class));
	}

	public List<SlaPolicy> policies() {
		return this.mongo.findAll(SlaPolicy.class).stream().sorted(Comparator.comparing(SlaPolicy::id)).toList();
	}

	/** The policies as last read: at each refresh, and at once after a change here. */
	private List<SlaPolicy> cachedPolicies() {
		List<SlaPolicy> cached = this.policies.get();
		if (cached == null) {
			cached = this.mongo.findAll(SlaPolicy.class);
			this.policies.set(cached);
		}
		return cached;
	}

	public SlaPolicy save(SlaPolicy policy, String by) {
		policy.validate();
		this.policies.set(null);
		SlaPolicy stored = new SlaPolicy(policy.id(), policy.department(), policy.appealType(), policy.priority(),
				policy.signWithin(), policy.resolveWithin(), policy.clock(), policy.note(), this.clock.instant(), by);
		SlaPolicy saved = this.mongo.save(stored);
		this.policies.set(null);
		return saved;
	}

	/**
	 * The policy for a case, and the deadlines it gives when the case opens at the
	 * instant.
	 */
	public SlaTerms termsFor(String department, String appealType, String priority, Instant openedAt) {
		SlaPolicy policy = cachedPolicies().stream()
			.filter((candidate) -> candidate.specificity(department, appealType, priority) >= 0)
			.max(Comparator
				.comparingInt((SlaPolicy candidate) -> candidate.specificity(department, appealType, priority))
				.thenComparing(SlaPolicy::id, Comparator.reverseOrder()))
			.orElseThrow(() -> new IllegalStateException("No SLA policy applies; keep a policy without conditions"));
		SlaTime time = timeOf(policy.clock());
		return new SlaTerms(policy.id(), policy.clock(), policy.signWithin(), policy.resolveWithin(),
				time.plus(openedAt, policy.signWithin()), time.plus(openedAt, policy.resolveWithin()));
	}

	public SlaTime timeOf(ClockMode mode) {
		return (mode == ClockMode.AROUND_THE_CLOCK) ? SlaTime.AROUND_THE_CLOCK : calendar();
	}

}
