package org.waystation.notification.delivery;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.waystation.support.messaging.DeliveryException;
import org.waystation.support.messaging.ProviderGuard;

/**
 * Mail to members of staff over SMTP ({@code spring.mail.host}, {@code spring.mail.port}
 * and, where the server wants them, {@code spring.mail.username} and
 * {@code spring.mail.password}), from {@code waystation.notifications.mail.from}, behind
 * the retry and circuit breaker named {@code mail-provider}. Without a mail host there is
 * no mail: staff read their in-app inbox.
 */
@Component
@ConditionalOnProperty(name = "spring.mail.host")
class StaffMailSender implements Sender {

	private static final Logger log = LoggerFactory.getLogger(StaffMailSender.class);

	static final String NAME = "mail-provider";

	private final JavaMailSender mail;

	private final ProviderGuard guard;

	private final String from;

	StaffMailSender(JavaMailSender mail, CircuitBreakerRegistry breakers, RetryRegistry retries,
			@Value("${waystation.notifications.mail.from:noreply@waystation.example}") String from) {
		this.mail = mail;
		this.guard = new ProviderGuard(NAME, breakers, retries);
		this.from = from;
	}

	@Override
	public DeliveryChannel channel() {
		return DeliveryChannel.EMAIL;
	}

	@Override
	public void send(QueuedMessage message) {
		SimpleMailMessage mail = new SimpleMailMessage();
		mail.setFrom(this.from);
		mail.setTo(message.to());
		mail.setSubject(message.subject());
		mail.setText(message.text());
		this.guard.run(() -> {
			try {
				this.mail.send(mail);
			}
			catch (MailException ex) {
				throw new DeliveryException("Mail server refused or unreachable: " + ex.getMessage(), ex);
			}
		});
		log.info("Mail {} accepted by the mail server", message.id());
	}

}
