package org.waystation.intake.contact;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.waystation.intake.appeal.Appeal;
import org.waystation.support.privacy.PhoneNumbers;
import org.waystation.support.security.Caller;
import org.waystation.support.security.Refusals;
import org.waystation.support.problem.ProblemException;

/**
 * Gives staff the contact details of a worker whose appeal their department holds a case
 * of, and writes every such read to the access log first: no entry, no number.
 */
@Service
public class ContactReads {

	private static final Logger log = LoggerFactory.getLogger(ContactReads.class);

	private final MongoTemplate mongo;

	private final AuditProperties properties;

	private final Clock clock;

	ContactReads(MongoTemplate mongo, AuditProperties properties, Optional<Clock> clock) {
		this.mongo = mongo;
		this.properties = properties;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * The worker's phone number, for a caller who works in or supervises a department
	 * holding one of the appeal's cases; logged before it is given.
	 */
	public String read(Appeal appeal, Caller caller) {
		String department = appeal.getDepartments()
			.stream()
			.filter(caller::maySee)
			.findFirst()
			.orElseThrow(() -> ProblemException.notVisible("appeal-not-found",
					"No case of appeal " + appeal.getTrackingCode() + " is in your department"));
		ContactRead read = new ContactRead(UUID.randomUUID().toString(), this.clock.instant(), caller.subject(),
				caller.name(), caller.roles(), department, appeal.getId(), appeal.getTrackingCode());
		this.mongo.insert(read);
		Refusals.SECURITY_LOG.info("Contact of appeal {} ({}) read by {} for {}", appeal.getTrackingCode(),
				PhoneNumbers.mask(appeal.getPhone()), caller.subject(), department);
		return appeal.getPhone();
	}

	/**
	 * The reads made for the departments in the supervisor's scope (every department for
	 * {@code null}), newest first.
	 */
	public List<ContactRead> list(String department, String trackingCode, Instant since, int limit) {
		Criteria criteria = Criteria.where("at").gte(since);
		if (department != null) {
			criteria.and("department").is(department);
		}
		if (trackingCode != null) {
			criteria.and("trackingCode").is(trackingCode);
		}
		return this.mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "at")).limit(limit),
				ContactRead.class);
	}

	/** Removes entries older than the retention period, a few times a day. */
	@Scheduled(fixedDelayString = "${waystation.audit.purge-interval:6h}", initialDelayString = "1m")
	void purge() {
		Instant before = this.clock.instant().minus(this.properties.retention());
		long removed = this.mongo.remove(Query.query(Criteria.where("at").lt(before)), ContactRead.class)
			.getDeletedCount();
		if (removed > 0) {
			log.info("Removed {} contact-read entries older than {}", removed, before);
		}
	}

}
