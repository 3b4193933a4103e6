package org.waystation.notification.notice;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.waystation.events.AppealSubmitted;
import org.waystation.events.CaseAssigned;
import org.waystation.events.CaseClosed;
import org.waystation.events.CaseEscalated;
import org.waystation.events.CaseExtended;
import org.waystation.events.CaseInfoRequested;
import org.waystation.events.CaseMerged;
import org.waystation.events.CaseOpened;
import org.waystation.events.CaseRedispatched;
import org.waystation.events.CaseReopened;
import org.waystation.events.CaseReplied;
import org.waystation.events.CaseResolved;
import org.waystation.events.CaseSigned;
import org.waystation.events.Channel;
import org.waystation.events.Event;
import org.waystation.events.SlaBreached;
import org.waystation.events.SlaWarning;
import org.waystation.events.SupervisorAlerted;
import org.waystation.events.Taxonomy;
import org.waystation.notification.contact.WorkerContact;
import org.waystation.notification.delivery.SmsDelivery;
import org.waystation.notification.inbox.Inbox;
import org.waystation.support.privacy.PhoneNumbers;
import org.waystation.support.text.Languages;
import org.waystation.support.text.Excerpts;

/**
 * Renders a message for each status change the worker should hear about and records it
 * once.
 */
@Service
public class NotificationService {

	private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

	private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	/**
	 * Resolutions can be long; a text message carries the start and the tracking code.
	 */
	private static final int RESOLUTION_EXCERPT = 120;

	/** Appeals with notifications waiting for the worker's contact. */
	private static final String PENDING_CONTACTS = "pending_contacts";

	private final MongoTemplate mongo;

	private final MessageSource messages;

	private final Clock clock;

	private final Taxonomy taxonomy = Taxonomy.standard();

	private final Inbox inbox;

	private final SmsDelivery sms;

	private final ZoneId zone;

	NotificationService(MongoTemplate mongo, MessageSource messages, Inbox inbox, SmsDelivery sms,
			@Value("${waystation.notifications.time-zone:Asia/Shanghai}") ZoneId zone, Optional<Clock> clock) {
		this.mongo = mongo;
		this.messages = messages;
		this.inbox = inbox;
		this.sms = sms;
		this.zone = zone;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	public void handle(Event event) {
		if (event instanceof AppealSubmitted submitted) {
			remember(submitted);
			notify(event, submitted.trackingCode(), "appeal.submitted", null, null);
		}
		else if (event instanceof CaseOpened opened) {
			holds(opened.appealId(), opened.department());
			if (CaseOpened.LEAD.equals(opened.role()) && "URGENT".equals(opened.priority())) {
				this.mongo.upsert(Query.query(Criteria.where("_id").is(opened.appealId())),
						new Update().set("urgent", true), WorkerContact.class);
				this.sms.releaseUrgent(opened.appealId());
			}
			if (CaseOpened.LEAD.equals(opened.role())) {
				notify(event, opened.trackingCode(), "case.opened", opened.department(), null);
			}
		}
		else if (event instanceof CaseSigned signed) {
			notify(event, signed.trackingCode(), "case.signed", signed.department(), null);
		}
		else if (event instanceof CaseInfoRequested requested) {
			notify(event, requested.trackingCode(), "case.info-requested", requested.department(),
					excerpt(requested.question()));
		}
		else if (event instanceof CaseReplied replied) {
			notify(event, replied.trackingCode(), "case.replied", replied.department(), excerpt(replied.reply()));
		}
		else if (event instanceof CaseResolved resolved) {
			notify(event, resolved.trackingCode(), "case.resolved", resolved.department(),
					excerpt(resolved.resolution()));
		}
		else if (event instanceof CaseReopened reopened) {
			notify(event, reopened.trackingCode(), "case.reopened", reopened.department(), null);
		}
		else if (event instanceof CaseRedispatched redispatched) {
			notify(event, redispatched.trackingCode(), "case.redispatched", redispatched.toDepartment(), null);
		}
		else if (event instanceof CaseMerged merged) {
			notify(event, merged.trackingCode(), "case.merged", merged.department(), merged.intoTrackingCode());
		}
		else if (event instanceof CaseClosed closed) {
			notify(event, closed.trackingCode(), "case.closed", closed.department(), null);
		}
		else if (event instanceof CaseExtended extended) {
			notifyWorker(event, extended.trackingCode(), "case.extended", extended.department(),
					(locale) -> date(extended.resolveDueAt(), locale) + reason(extended.reason(), locale));
		}
		else if (event instanceof CaseAssigned assigned) {
			toStaff(event, assigned.trackingCode(), "staff.assigned", assigned.department(), null,
					List.of(assigned.assignee()));
		}
		else if (event instanceof SlaWarning warning && warning.threshold() >= 80) {
			toStaff(event, warning.trackingCode(), "supervisor.sla-warning-" + warning.clock().toLowerCase(Locale.ROOT),
					warning.department(), String.valueOf(warning.threshold()),
					this.inbox.supervisorsOf(warning.department()));
		}
		else if (event instanceof SlaBreached breached) {
			toStaff(event, breached.trackingCode(),
					"supervisor.sla-breached-" + breached.clock().toLowerCase(Locale.ROOT), breached.department(), null,
					this.inbox.supervisorsOf(breached.department()));
		}
		else if (event instanceof CaseEscalated escalated) {
			toStaff(event, escalated.trackingCode(), "supervisor.escalated", escalated.department(), null,
					this.inbox.supervisorsOf(escalated.department()));
		}
		else if (event instanceof SupervisorAlerted alert) {
			holds(alert.appealId(), alert.department());
			alertSupervisors(alert);
		}
	}

	/**
	 * A message for members of staff, in their in-app inboxes (text messages and email
	 * come with the channels).
	 */
	private void toStaff(Event event, String trackingCode, String template, String department, String detail,
			List<String> accounts) {
		if (accounts.isEmpty()) {
			log.warn("Nobody to tell of {} for appeal {} in {}: no such account on the roster", template, trackingCode,
					department);
			return;
		}
		this.inbox.deliver(
				Inbox.Message.of(event, trackingCode, template, render(template, ZH, trackingCode, department, detail),
						render(template, Locale.ENGLISH, trackingCode, department, detail)),
				accounts);
	}

	/**
	 * An urgent appeal: the department's supervisors on duty are told at once. Recorded
	 * in the dev sink addressed to the department's supervisors until the roster carries
	 * their contacts.
	 */
	private void alertSupervisors(SupervisorAlerted alert) {
		String template = "supervisor." + (alert.alsoToTriage() ? "urgent-unsure" : "urgent");
		String categoryZh = this.taxonomy.category(alert.category()).map((c) -> c.zh()).orElse(alert.category());
		String categoryEn = this.taxonomy.category(alert.category()).map((c) -> c.en()).orElse(alert.category());
		Notification notification = new Notification(alert.eventId().toString(), alert.appealId(), alert.trackingCode(),
				alert.type(), template, Notification.DEV_SINK, "supervisors:" + alert.department(),
				render(template, ZH, alert.trackingCode(), alert.department(), categoryZh),
				render(template, Locale.ENGLISH, alert.trackingCode(), alert.department(), categoryEn),
				NotificationStatus.RECORDED, alert.occurredAt(), this.clock.instant());
		try {
			this.mongo.insert(notification);
			log.warn("Urgent appeal {} ({}): supervisors of {} alerted", alert.trackingCode(), alert.category(),
					alert.department());
		}
		catch (DuplicateKeyException ex) {
			// Recorded already (a replay).
		}
		this.inbox.deliver(message(notification), this.inbox.supervisorsOf(alert.department()));
	}

	/** Whose appeal it is and who holds its cases, if the appeal is known here. */
	public Optional<WorkerContact> contactOf(String appealId) {
		return Optional.ofNullable(this.mongo.findById(appealId, WorkerContact.class));
	}

	/** The appeal id of a tracking code, if the appeal is known here. */
	public Optional<String> appealOf(String trackingCode) {
		Query byCode = Query.query(Criteria.where("trackingCode").is(trackingCode));
		byCode.fields().include("_id");
		return Optional.ofNullable(this.mongo.findOne(byCode, WorkerContact.class)).map(WorkerContact::appealId);
	}

	public List<Notification> forAppeal(String appealId) {
		return this.mongo.find(
				Query.query(Criteria.where("appealId").is(appealId)).with(Sort.by("occurredAt", "createdAt")),
				Notification.class);
	}

	public List<Notification> forTrackingCode(String trackingCode) {
		return this.mongo.find(
				Query.query(Criteria.where("trackingCode").is(trackingCode)).with(Sort.by("occurredAt", "createdAt")),
				Notification.class);
	}

	/**
	 * Staff of a department given a case (or alerted to the appeal) may read the appeal's
	 * messages.
	 */
	private void holds(String appealId, String department) {
		this.mongo.upsert(Query.query(Criteria.where("_id").is(appealId)),
				new Update().addToSet("departments", department), WorkerContact.class);
	}

	private void remember(AppealSubmitted submitted) {
		this.mongo.upsert(Query.query(Criteria.where("_id").is(submitted.appealId())),
				new Update().set("trackingCode", submitted.trackingCode())
					.set("phone", submitted.phone())
					.set("workerId", submitted.workerId())
					.set("channel", submitted.channel())
					.set("language", Languages.writtenInEnglish(submitted.text()) ? "en" : "zh-CN")
					.set("submittedAt", submitted.occurredAt()),
				WorkerContact.class);
		// Case events read before the contact was known get their recipient now. A marker
		// per appeal says whether there are any, so usually this costs one read by id.
		if (this.mongo.findAndRemove(Query.query(Criteria.where("_id").is(submitted.appealId())), Document.class,
				PENDING_CONTACTS) != null) {
			completePending(submitted.appealId(), submitted.phone(), submitted.workerId(), submitted.channel(),
					Languages.writtenInEnglish(submitted.text()));
		}
	}

	private void completePending(String appealId, String phone, String workerId, Channel channel, boolean english) {
		Query pending = Query
			.query(Criteria.where("appealId").is(appealId).and("status").is(NotificationStatus.PENDING_CONTACT));
		List<Notification> waiting = this.mongo.find(pending, Notification.class);
		Update known = new Update().set("recipient", PhoneNumbers.mask(phone))
			.set("status", NotificationStatus.RECORDED);
		if (SmsDelivery.bySms(channel)) {
			known.set("channel", Notification.SMS);
		}
		this.mongo.updateMulti(pending, known, Notification.class);
		if (workerId != null) {
			waiting.forEach((n) -> this.inbox.deliver(message(n), List.of(workerId)));
		}
		if (SmsDelivery.bySms(channel)) {
			waiting.forEach((n) -> this.sms.queue(n.eventId(), appealId, phone, smsText(n, english)));
		}
	}

	private void notify(Event event, String trackingCode, String template, String department, String detail) {
		notifyWorker(event, trackingCode, template, department, (locale) -> detail);
	}

	/** A message to the worker, its detail written for each language. */
	private void notifyWorker(Event event, String trackingCode, String template, String department,
			Function<Locale, String> detail) {
		WorkerContact contact = this.mongo.findById(event.appealId(), WorkerContact.class);
		if (contact != null && !contact.known()) {
			contact = null;
		}
		String recipient = (contact != null) ? PhoneNumbers.mask(contact.phone()) : null;
		if (contact == null) {
			this.mongo.save(new Document("_id", event.appealId()), PENDING_CONTACTS);
		}
		Notification notification = new Notification(event.eventId().toString(), event.appealId(), trackingCode,
				event.type(), template,
				(contact != null && SmsDelivery.bySms(contact.channel())) ? Notification.SMS : Notification.DEV_SINK,
				recipient, render(template, ZH, trackingCode, department, detail.apply(ZH)),
				render(template, Locale.ENGLISH, trackingCode, department, detail.apply(Locale.ENGLISH)),
				(contact != null) ? NotificationStatus.RECORDED : NotificationStatus.PENDING_CONTACT,
				event.occurredAt(), this.clock.instant());
		try {
			this.mongo.insert(notification);
			if (contact == null) {
				// The contact may have arrived (on another topic) while this was written.
				WorkerContact arrived = this.mongo.findById(event.appealId(), WorkerContact.class);
				if (arrived != null && arrived.known()) {
					completePending(event.appealId(), arrived.phone(), arrived.workerId(), arrived.channel(),
							arrived.english());
				}
			}
			else {
				if (contact.workerId() != null) {
					this.inbox.deliver(message(notification), List.of(contact.workerId()));
				}
				if (SmsDelivery.bySms(contact.channel())) {
					this.sms.queue(notification.eventId(), event.appealId(), contact.phone(),
							smsText(notification, contact.english()));
				}
			}
			log.info("Notification {} for appeal {} to {}: {}", template, trackingCode, recipient,
					notification.message());
		}
		catch (DuplicateKeyException ex) {
			// Recorded by another instance in the meantime.
		}
	}

	/**
	 * A message as texted: a request to rate also says how to answer by SMS (a reply of
	 * 1, 2 or 3 is matched to the appeal).
	 */
	private String smsText(Notification notification, boolean english) {
		String text = english ? notification.messageEn() : notification.message();
		return notification.template().equals("case.resolved")
				? text + this.messages.getMessage("notification.sms.rate-by-reply", null, english ? Locale.ENGLISH : ZH)
				: text;
	}

	private String render(String template, Locale locale, String trackingCode, String department, String detail) {
		String departmentName = this.taxonomy.department(department)
			.map((entry) -> entry.name(locale.getLanguage()))
			.orElse(department);
		return this.messages.getMessage("notification." + template,
				new Object[] { trackingCode, departmentName, detail }, locale);
	}

	private static Inbox.Message message(Notification n) {
		return new Inbox.Message(n.eventId(), n.appealId(), n.trackingCode(), n.eventType(), n.template(), n.message(),
				n.messageEn(), n.occurredAt());
	}

	/** A date in the appeal's time zone: "12月29日", "29 December". */
	private String date(Instant at, Locale locale) {
		boolean english = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
		return at.atZone(this.zone).format(DateTimeFormatter.ofPattern(english ? "d MMMM yyyy" : "yyyy年M月d日", locale));
	}

	private static String reason(String reason, Locale locale) {
		if (reason == null || reason.isBlank()) {
			return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? "." : "。";
		}
		return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? ". The reason: " + excerpt(reason)
				: "，原因：" + excerpt(reason);
	}

	private static String excerpt(String text) {
		return Excerpts.of(text, RESOLUTION_EXCERPT);
	}

}
