package org.waystation.identity.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.waystation.identity.IdentityProperties;
import org.waystation.support.security.Refusals;

/**
 * The security log: every event is stored (for at least six months), logged on the
 * security logger and counted as {@code waystation_identity_events_total{type}}.
 */
@Service
public class SecurityEvents {

	private static final Logger log = LoggerFactory.getLogger(SecurityEvents.class);

	private final MongoTemplate mongo;

	private final MeterRegistry meters;

	private final IdentityProperties properties;

	private final Clock clock;

	SecurityEvents(MongoTemplate mongo, MeterRegistry meters, IdentityProperties properties, Optional<Clock> clock) {
		this.mongo = mongo;
		this.meters = meters;
		this.properties = properties;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	public void record(String type, String subject, String actor, String clientAddress, String detail) {
		SecurityEvent event = new SecurityEvent(UUID.randomUUID().toString(), this.clock.instant(), type, subject,
				actor, clientAddress, detail);
		this.mongo.insert(event);
		Counter.builder("waystation.identity.events")
			.description("Security events of the identity service")
			.tag("type", type)
			.register(this.meters)
			.increment();
		Refusals.SECURITY_LOG.info("{} {}{} from {}{}", type, subject, (actor != null) ? " by " + actor : "",
				clientAddress, (detail != null) ? ": " + detail : "");
	}

	/** The events since an instant, newest first, optionally of one type or subject. */
	public List<SecurityEvent> list(String type, String subject, Instant since, int limit) {
		Criteria criteria = Criteria.where("at").gte(since);
		if (type != null) {
			criteria.and("type").is(type);
		}
		if (subject != null) {
			criteria.and("subject").is(subject);
		}
		return this.mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "at")).limit(limit),
				SecurityEvent.class);
	}

	@Scheduled(fixedDelayString = "${waystation.identity.audit-purge-interval:6h}", initialDelayString = "1m")
	void purge() {
		Instant before = this.clock.instant().minus(this.properties.auditRetention());
		long removed = this.mongo.remove(Query.query(Criteria.where("at").lt(before)), SecurityEvent.class)
			.getDeletedCount();
		if (removed > 0) {
			log.info("Removed {} security events older than {}", removed, before);
		}
	}

}
