package org.waystation.notification.notice;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.waystation.notification.delivery.Delivery;
import org.waystation.notification.delivery.DeliveryChannel;
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
	 * Resolutions can be long; a message carries the start and the tracking code.
	 */
	private static final int RESOLUTION_EXCERPT = 120;

	/**
	 * One text message segment: 70 characters in Chinese (UCS-2), 160 in English (GSM
	 * 7-bit). An SMS template's free text is cut to fit where the rest leaves room.
	 */
	static final int SMS_SEGMENT_ZH = 70;

	static final int SMS_SEGMENT_EN = 160;

	/** The least of a question or answer a text message carries, even past a segment. */
	private static final int SMS_MIN_DETAIL = 16;

	/** Appeals with notifications waiting for the worker's contact. */
	private static final String PENDING_CONTACTS = "pending_contacts";

	private final MongoTemplate mongo;

	private final MessageSource messages;

	private final Clock clock;

	private final Taxonomy taxonomy = Taxonomy.standard();

	private final Inbox inbox;

	private final Delivery delivery;

	private final ZoneId zone;

	private final String consoleUrl;

	NotificationService(MongoTemplate mongo, MessageSource messages, Inbox inbox, Delivery delivery,
			@Value("${waystation.notifications.time-zone:Asia/Shanghai}") ZoneId zone,
			@Value("${waystation.notifications.console-url:http://localhost:8080}") String consoleUrl,
			Optional<Clock> clock) {
		this.mongo = mongo;
		this.messages = messages;
		this.inbox = inbox;
		this.delivery = delivery;
		this.zone = zone;
		this.consoleUrl = consoleUrl.replaceAll("/+$", "");
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
				this.delivery.releaseUrgent(opened.appealId());
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
					List.of(assigned.assignee()), "staff");
		}
		else if (event instanceof SlaWarning warning && warning.threshold() >= 80) {
			toStaff(event, warning.trackingCode(), "supervisor.sla-warning-" + warning.clock().toLowerCase(Locale.ROOT),
					warning.department(), String.valueOf(warning.threshold()),
					this.inbox.supervisorsOf(warning.department()), "supervisor");
		}
		else if (event instanceof SlaBreached breached) {
			toStaff(event, breached.trackingCode(),
					"supervisor.sla-breached-" + breached.clock().toLowerCase(Locale.ROOT), breached.department(), null,
					this.inbox.supervisorsOf(breached.department()), "supervisor");
		}
		else if (event instanceof CaseEscalated escalated) {
			toStaff(event, escalated.trackingCode(), "supervisor.escalated", escalated.department(), null,
					this.inbox.supervisorsOf(escalated.department()), "supervisor");
		}
		else if (event instanceof SupervisorAlerted alert) {
			holds(alert.appealId(), alert.department());
			alertSupervisors(alert);
		}
	}

	/**
	 * A message for members of staff: in their in-app inboxes, and by mail to those with
	 * an address.
	 * @param screen the console screen the mail points to ({@code staff},
	 * {@code supervisor})
	 */
	private void toStaff(Event event, String trackingCode, String template, String department, String detail,
			List<String> accounts, String screen) {
		if (accounts.isEmpty()) {
			log.warn("Nobody to tell of {} for appeal {} in {}: no such account on the roster", template, trackingCode,
					department);
			return;
		}
		Inbox.Message message = Inbox.Message.of(event, trackingCode, template,
				render(template, ZH, trackingCode, department, detail),
				render(template, Locale.ENGLISH, trackingCode, department, detail));
		this.inbox.deliver(message, accounts);
		mail(message, accounts, screen);
	}

	/**
	 * Mails the message to each account with an address, once per event and account: the
	 * subject and text in Chinese, then in English, and where to handle it.
	 */
	private void mail(Inbox.Message message, List<String> accounts, String screen) {
		if (!this.delivery.mails()) {
			return;
		}
		Map<String, String> emails = this.inbox.emailsOf(accounts);
		if (emails.isEmpty()) {
			return;
		}
		String link = this.consoleUrl + "/" + screen;
		String subject = this.messages.getMessage("notification.mail.subject." + message.template(),
				new Object[] { message.trackingCode() }, ZH) + " / "
				+ this.messages.getMessage("notification.mail.subject." + message.template(),
						new Object[] { message.trackingCode() }, Locale.ENGLISH);
		String body = this.messages.getMessage("notification.mail.body",
				new Object[] { message.text(), link, message.textEn() }, ZH);
		emails.forEach((account, address) -> this.delivery.queue(message.eventId() + ":mail:" + account,
				message.appealId(), DeliveryChannel.EMAIL, address, subject, body));
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
				NotificationStatus.RECORDED, alert.occurredAt(), this.clock.instant(), null, null);
		try {
			this.mongo.insert(notification);
			log.warn("Urgent appeal {} ({}): supervisors of {} alerted", alert.trackingCode(), alert.category(),
					alert.department());
		}
		catch (DuplicateKeyException ex) {
			// Recorded already (a replay).
		}
		List<String> supervisors = this.inbox.supervisorsOf(alert.department());
		this.inbox.deliver(message(notification), supervisors);
		mail(message(notification), supervisors, "supervisor");
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
					.set("replyTo", submitted.replyTo())
					.set("submittedAt", submitted.occurredAt()),
				WorkerContact.class);
		// Case events read before the contact was known get their recipient now. A marker
		// per appeal says whether there are any, so usually this costs one read by id.
		if (this.mongo.findAndRemove(Query.query(Criteria.where("_id").is(submitted.appealId())), Document.class,
				PENDING_CONTACTS) != null) {
			completePending(this.mongo.findById(submitted.appealId(), WorkerContact.class));
		}
	}

	private void completePending(WorkerContact contact) {
		Query pending = Query.query(
				Criteria.where("appealId").is(contact.appealId()).and("status").is(NotificationStatus.PENDING_CONTACT));
		List<Notification> waiting = this.mongo.find(pending, Notification.class);
		Update known = new Update().set("recipient", recipient(contact)).set("status", NotificationStatus.RECORDED);
		Optional<DeliveryChannel> via = this.delivery.workerChannel(contact.channel(), contact.replyTo());
		via.ifPresent((channel) -> known.set("channel", channel.name()));
		this.mongo.updateMulti(pending, known, Notification.class);
		waiting.forEach((n) -> toWorker(n, contact));
	}

	/** Puts the notification in the worker's inbox and sends it where they appealed. */
	private void toWorker(Notification notification, WorkerContact contact) {
		if (contact.workerId() != null) {
			this.inbox.deliver(message(notification), List.of(contact.workerId()));
		}
		Optional<DeliveryChannel> via = this.delivery.workerChannel(contact.channel(), contact.replyTo());
		if (via.isPresent() && via.get() == DeliveryChannel.IM) {
			this.delivery.queue(notification.eventId(), contact.appealId(), DeliveryChannel.IM, contact.replyTo(), null,
					imText(notification, contact.english()));
		}
		else if (via.isPresent()) {
			this.delivery.queue(notification.eventId(), contact.appealId(), DeliveryChannel.SMS, contact.phone(), null,
					smsText(notification, contact.english()));
		}
	}

	/** The masked phone number, and the channel's address if it is another one. */
	private static String recipient(WorkerContact contact) {
		String phone = PhoneNumbers.mask(contact.phone());
		return (contact.channel() == Channel.IM && contact.replyTo() != null)
				? phone + " (IM " + contact.replyTo().substring(0, Math.min(4, contact.replyTo().length())) + "…)"
				: phone;
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
		String recipient = (contact != null) ? recipient(contact) : null;
		if (contact == null) {
			this.mongo.save(new Document("_id", event.appealId()), PENDING_CONTACTS);
		}
		Optional<DeliveryChannel> via = (contact != null)
				? this.delivery.workerChannel(contact.channel(), contact.replyTo()) : Optional.empty();
		Notification notification = new Notification(event.eventId().toString(), event.appealId(), trackingCode,
				event.type(), template, via.map(DeliveryChannel::name).orElse(Notification.DEV_SINK), recipient,
				render(template, ZH, trackingCode, department, detail.apply(ZH)),
				render(template, Locale.ENGLISH, trackingCode, department, detail.apply(Locale.ENGLISH)),
				(contact != null) ? NotificationStatus.RECORDED : NotificationStatus.PENDING_CONTACT,
				event.occurredAt(), this.clock.instant(), sms(template, ZH, trackingCode, department, detail),
				sms(template, Locale.ENGLISH, trackingCode, department, detail));
		try {
			this.mongo.insert(notification);
			if (contact == null) {
				// The contact may have arrived (on another topic) while this was written.
				WorkerContact arrived = this.mongo.findById(event.appealId(), WorkerContact.class);
				if (arrived != null && arrived.known()) {
					completePending(arrived);
				}
			}
			else {
				toWorker(notification, contact);
			}
			log.info("Notification {} for appeal {} to {}: {}", template, trackingCode, recipient,
					notification.message());
		}
		catch (DuplicateKeyException ex) {
			// Recorded by another instance in the meantime.
		}
	}

	/**
	 * A message as texted: its SMS template where it has one (recorded with the
	 * notification), the general text otherwise; a request to rate also says how to
	 * answer by SMS (a reply of 1, 2 or 3 is matched to the appeal).
	 */
	private String smsText(Notification notification, boolean english) {
		String sms = english ? notification.smsEn() : notification.sms();
		if (sms != null) {
			return sms;
		}
		return withRating(notification, english ? notification.messageEn() : notification.message(), english);
	}

	/**
	 * A message as sent by IM: its IM template where it has one
	 * ({@code notification.im.<template>}, for messages that name only the tracking
	 * code), the general text otherwise; a request to rate also says how to answer (a
	 * reply of 1, 2 or 3 in the chat is matched to the appeal as by SMS).
	 */
	private String imText(Notification notification, boolean english) {
		Locale locale = english ? Locale.ENGLISH : ZH;
		String own = this.messages.getMessage("notification.im." + notification.template(),
				new Object[] { notification.trackingCode() }, null, locale);
		if (own != null) {
			return own;
		}
		return withRating(notification, english ? notification.messageEn() : notification.message(), english);
	}

	private String withRating(Notification notification, String text, boolean english) {
		return notification.template().equals("case.resolved")
				? text + this.messages.getMessage("notification.sms.rate-by-reply", null, english ? Locale.ENGLISH : ZH)
				: text;
	}

	/**
	 * The text message of an SMS template ({@code notification.sms.<template>}), its free
	 * text cut so that the whole fits one segment where it can; null when the template
	 * has no SMS form (the general text is short enough).
	 */
	String sms(String template, Locale locale, String trackingCode, String department,
			Function<Locale, String> detail) {
		String key = "notification.sms." + template;
		String pattern = this.messages.getMessage(key, null, null, locale);
		if (pattern == null) {
			return null;
		}
		String departmentName = this.taxonomy.department(department)
			.map((entry) -> entry.name(locale.getLanguage()))
			.orElse(department);
		String full = (detail != null) ? detail.apply(locale) : null;
		String without = this.messages.getMessage(key, new Object[] { trackingCode, departmentName, "" }, locale);
		int segment = Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? SMS_SEGMENT_EN : SMS_SEGMENT_ZH;
		String fitted = (full != null)
				? Excerpts.of(full, Math.max(SMS_MIN_DETAIL, segment - without.codePointCount(0, without.length()) - 1))
				: "";
		return this.messages.getMessage(key, new Object[] { trackingCode, departmentName, fitted }, locale);
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
