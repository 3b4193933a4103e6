package org.waystation.intake.channel;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.waystation.events.Channel;
import org.waystation.support.privacy.PhoneNumbers;
import org.waystation.support.text.Languages;

/**
 * What an inbound instant message does. The account knows its users by the platform's
 * user id, not their phone: the first time, the worker is asked for their phone (what
 * they wrote is kept and filed once they give it). From then on a message does what an
 * SMS from that phone does (rates, answers, or files an appeal with channel {@code IM}),
 * and the answer says so in a reply the relay sends back in the chat, in Chinese, or in
 * English to a message written in English.
 */
@Service
public class ImInbound {

	private static final Logger log = LoggerFactory.getLogger(ImInbound.class);

	/** The most a worker may write before giving their phone. */
	private static final int MAX_PENDING = 2000;

	private final SmsInbound texts;

	private final MongoTemplate mongo;

	private final Clock clock;

	ImInbound(SmsInbound texts, MongoTemplate mongo, Optional<Clock> clock) {
		this.texts = texts;
		this.mongo = mongo;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** What the message did, and the reply to send back in the chat. */
	public enum Action {

		/** The phone is asked for; the message waits for it. */
		PHONE_REQUESTED,
		/** The phone was given (and a waiting message filed, if there was one). */
		PHONE_BOUND, SUBMITTED, ANSWERED, RATED, IGNORED

	}

	/**
	 * @param reply the text to answer the worker with in the chat
	 */
	public record Reply(Action action, String trackingCode, String reply) {

	}

	/**
	 * @param redelivered whether the message had been handled before
	 */
	public record Outcome(Action action, String trackingCode, String reply, boolean redelivered) {

		static Outcome of(Reply reply, boolean redelivered) {
			return new Outcome(reply.action(), reply.trackingCode(), reply.reply(), redelivered);
		}

	}

	/**
	 * Handles one message.
	 * @param text the message, already cleaned
	 */
	public Outcome receive(String userId, String text, String messageId, Instant receivedAt, String correlationId) {
		ImMessage earlier = this.mongo.findById(messageId, ImMessage.class);
		if (earlier != null) {
			return Outcome.of(earlier.reply(), true);
		}
		boolean english = Languages.writtenInEnglish(text);
		ImUser user = this.mongo.findById(userId, ImUser.class);
		Reply reply;
		if (user == null || user.phone() == null || mobile(text).isPresent()) {
			reply = unbound(userId, user, text, messageId, correlationId, english);
		}
		else {
			reply = reply(this.texts.respond(Channel.IM, "im:", user.phone(), userId, text, messageId, correlationId),
					english);
		}
		try {
			this.mongo.insert(new ImMessage(messageId, reply, receivedAt, this.clock.instant()));
		}
		catch (DuplicateKeyException ex) {
			// Handled at the same moment by another request: the first record stands.
		}
		log.info("Inbound IM {} from user {}…: {} {}", messageId, userId.substring(0, Math.min(4, userId.length())),
				reply.action(), reply.trackingCode());
		return Outcome.of(reply, false);
	}

	private Reply unbound(String userId, ImUser user, String text, String messageId, String correlationId,
			boolean english) {
		Optional<String> phone = mobile(text);
		if (phone.isEmpty()) {
			// Kept until the phone comes; a second message before it is added to the
			// first.
			String pending = (user != null && user.pendingText() != null) ? user.pendingText() + "\n" + text : text;
			if (pending.codePointCount(0, pending.length()) > MAX_PENDING) {
				return new Reply(Action.PHONE_REQUESTED, null, english
						? "Please reply with your mobile number first: what you sent before is kept, this message could not be; send it again once your number is saved."
						: "请先回复您的手机号码：之前发来的内容已保存，这条未能保存，请在登记手机号后重新发送。");
			}
			{
				this.mongo
					.upsert(Query.query(Criteria.where("_id").is(userId)), new Update().set("pendingText", pending)
						.set("pendingMessageId",
								(user != null && user.pendingMessageId() != null) ? user.pendingMessageId() : messageId)
						.set("pendingAt", this.clock.instant()), ImUser.class);
			}
			return new Reply(Action.PHONE_REQUESTED, null, english
					? "Please reply with your mobile number (such as 13812345678), so that the department can reach you; you will be told of progress here or by text message."
					: "请回复您的手机号码（如13812345678），以便承办部门联系您，办理进展会在这里或通过短信告知您。");
		}
		this.mongo.upsert(Query.query(Criteria.where("_id").is(userId)),
				new Update().set("phone", phone.get()).set("boundAt", this.clock.instant()), ImUser.class);
		String masked = PhoneNumbers.mask(phone.get());
		if (user != null && user.pendingText() != null) {
			Reply filed = reply(this.texts.respond(Channel.IM, "im:", phone.get(), userId, user.pendingText(),
					user.pendingMessageId(), correlationId), Languages.writtenInEnglish(user.pendingText()));
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(userId)),
					new Update().unset("pendingText").unset("pendingMessageId").unset("pendingAt"), ImUser.class);
			return new Reply(Action.PHONE_BOUND, filed.trackingCode(),
					(english ? "Your number " + masked + " is saved. " : "已登记手机号" + masked + "。") + filed.reply());
		}
		return new Reply(Action.PHONE_BOUND, null,
				english ? "Your number " + masked + " is saved. Send us your appeal whenever you need."
						: "已登记手机号" + masked + "，有诉求请直接发送。");
	}

	private static Reply reply(SmsInbound.Outcome outcome, boolean english) {
		String code = outcome.trackingCode();
		return switch (outcome.action()) {
			case SUBMITTED -> new Reply(Action.SUBMITTED, code,
					english ? "Received, tracking code " + code
							+ ". It will be passed to the department that handles it; we will keep you informed."
							: "已受理，查询码" + code + "。我们将尽快分派至承办部门，办理进展会及时告知您。");
			case ANSWERED -> new Reply(Action.ANSWERED, code,
					english ? "Thank you: your answer was passed to the department (" + code + ")."
							: "您的补充信息已转交承办部门（查询码" + code + "）。");
			case RATED -> new Reply(Action.RATED, code,
					english ? "Thank you for rating " + code + "." : "感谢您对诉求（查询码" + code + "）的评价。");
			default -> new Reply(Action.IGNORED, null,
					english ? "Nothing is waiting for your rating. To appeal, write what happened."
							: "暂无待评价的诉求。如有诉求，请直接描述您遇到的问题。");
		};
	}

	/** The text as a mobile number ("13812345678", "手机 138 1234 5678"), if it is one. */
	private static Optional<String> mobile(String text) {
		return PhoneNumbers.normalize(text.replaceAll("(?i)^(绑定|手机号码|手机号|手机|电话|phone|mobile)[:：\\s]*", ""))
			.filter((number) -> number.startsWith("1"));
	}

}
