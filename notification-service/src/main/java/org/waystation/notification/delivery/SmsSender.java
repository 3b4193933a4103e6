package org.waystation.notification.delivery;

import org.springframework.stereotype.Component;
import org.waystation.support.messaging.SmsMessage;
import org.waystation.support.messaging.SmsProvider;

/** Text messages through the SMS provider (behind its retry and circuit breaker). */
@Component
class SmsSender implements Sender {

	private final SmsProvider sms;

	SmsSender(SmsProvider sms) {
		this.sms = sms;
	}

	@Override
	public DeliveryChannel channel() {
		return DeliveryChannel.SMS;
	}

	@Override
	public void send(QueuedMessage message) {
		this.sms.send(new SmsMessage(message.to(), message.text(), "notification"));
	}

}
