package org.waystation.notification.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.waystation.events.Event;
import org.waystation.events.StaffAccountChanged;
import org.waystation.support.problem.ProblemException;

/**
 * Delivers messages to accounts' inboxes, once per event and account, and keeps the
 * roster of staff accounts that says who supervises which department.
 */
@Service
public class Inbox {

	private static final Logger log = LoggerFactory.getLogger(Inbox.class);

	private static final String SUPERVISOR = "SUPERVISOR";

	private static final String EVERY_DEPARTMENT = "*";

	private final MongoTemplate mongo;

	private final Clock clock;

	Inbox(MongoTemplate mongo, Optional<Clock> clock) {
		this.mongo = mongo;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** Keeps the newest state of a staff account; an older change is ignored. */
	public void apply(StaffAccountChanged changed) {
		StaffAccount current = this.mongo.findById(changed.username(), StaffAccount.class);
		if (current != null && current.revision() > changed.revision()) {
			return;
		}
		this.mongo.save(new StaffAccount(changed.username(), changed.name(), changed.roles(), changed.department(),
				changed.supervises(), changed.enabled(), changed.revision(), changed.email()));
	}

	/** The enabled supervisors whose scope covers the department. */
	public List<String> supervisorsOf(String department) {
		Query supervisors = Query.query(Criteria.where("roles")
			.is(SUPERVISOR)
			.and("enabled")
			.is(true)
			.and("supervises")
			.in(department, EVERY_DEPARTMENT));
		return this.mongo.find(supervisors, StaffAccount.class).stream().map(StaffAccount::username).sorted().toList();
	}

	/** The enabled accounts among these that have an email address, with it. */
	public java.util.Map<String, String> emailsOf(List<String> accounts) {
		java.util.Map<String, String> emails = new java.util.TreeMap<>();
		for (String account : accounts) {
			StaffAccount staff = this.mongo.findById(account, StaffAccount.class);
			if (staff != null && staff.enabled() && staff.email() != null) {
				emails.put(account, staff.email());
			}
		}
		return emails;
	}

	/** Puts the message in each account's inbox, once. */
	public void deliver(Message message, List<String> accounts) {
		Instant now = this.clock.instant();
		for (String account : accounts) {
			try {
				this.mongo.insert(new InboxMessage(InboxMessage.idFor(message.eventId(), account), account,
						message.appealId(), message.trackingCode(), message.eventType(), message.template(),
						message.text(), message.textEn(), message.occurredAt(), now, null));
			}
			catch (DuplicateKeyException ex) {
				// Delivered already (a replay).
			}
		}
		if (!accounts.isEmpty()) {
			log.info("{} for appeal {} in the inbox of {}", message.template(), message.trackingCode(), accounts);
		}
	}

	/**
	 * What an event tells its recipients.
	 *
	 * @param text in zh-CN
	 * @param textEn in English
	 */
	public record Message(String eventId, String appealId, String trackingCode, String eventType, String template,
			String text, String textEn, Instant occurredAt) {

		public static Message of(Event event, String trackingCode, String template, String text, String textEn) {
			return new Message(event.eventId().toString(), event.appealId(), trackingCode, event.type(), template, text,
					textEn, event.occurredAt());
		}

	}

	/** An account's messages, newest first. */
	public List<InboxMessage> of(String account, boolean unreadOnly, int limit) {
		Criteria mine = Criteria.where("account").is(account);
		if (unreadOnly) {
			mine = mine.and("readAt").is(null);
		}
		return this.mongo.find(Query.query(mine).with(Sort.by(Sort.Direction.DESC, "occurredAt", "_id")).limit(limit),
				InboxMessage.class);
	}

	public long unread(String account) {
		return this.mongo.count(Query.query(Criteria.where("account").is(account).and("readAt").is(null)),
				InboxMessage.class);
	}

	/**
	 * Marks one of the account's messages read (again: it stays read at the first time).
	 */
	public InboxMessage markRead(String account, String id) {
		InboxMessage message = this.mongo.findById(id, InboxMessage.class);
		if (message == null || !message.account().equals(account)) {
			throw ProblemException.notVisible("message-not-found", "No message of yours has this id");
		}
		if (message.readAt() == null) {
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("readAt").is(null)),
					new Update().set("readAt", this.clock.instant()), InboxMessage.class);
		}
		return this.mongo.findById(id, InboxMessage.class);
	}

}
