package org.waystation.notification.delivery;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.waystation.events.AppealSubmitted;
import org.waystation.events.CaseOpened;
import org.waystation.events.CaseSigned;
import org.waystation.events.Channel;
import org.waystation.support.messaging.DeliveryException;
import org.waystation.support.messaging.SmsMessage;
import org.waystation.support.messaging.SmsProvider;
import org.waystation.testsupport.EmbeddedInfrastructureTest;
import org.waystation.testsupport.Samples;
import org.waystation.testsupport.ServiceScenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SMS provider refuses the first sends (an outage): the worker's messages wait in the
 * queue and all go out once it answers again, each once.
 */
@EmbeddedInfrastructureTest
class SmsOutageIT extends ServiceScenario {

	@Autowired
	FlakyProvider provider;

	@Autowired
	MongoTemplate mongo;

	@Test
	void queuesMessagesThroughAnOutageAndSendsEachOnceAfterIt() {
		String appealId = UUID.randomUUID().toString();
		String trackingCode = "WS" + appealId.substring(0, 8).toUpperCase().replaceAll("[01]", "7");
		AppealSubmitted sample = Samples.forAppeal(AppealSubmitted.class, appealId, trackingCode);
		AppealSubmitted byHotline = new AppealSubmitted(sample.eventId(), appealId, sample.occurredAt(),
				sample.schemaVersion(), sample.correlationId(), trackingCode, Channel.HOTLINE, sample.text(),
				"13977776666", sample.district(), sample.stationId(), sample.workerId());

		this.provider.failures.set(4);
		sender().send(byHotline);
		sender().send(Samples.forAppeal(CaseOpened.class, appealId, trackingCode));
		sender().send(Samples.forAppeal(CaseSigned.class, appealId, trackingCode));

		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.provider.sent).hasSize(3));
		assertThat(this.provider.refused.get()).isEqualTo(4);
		assertThat(this.provider.sent).extracting(SmsMessage::to).containsOnly("13977776666");
		assertThat(this.provider.sent.stream().map(SmsMessage::text).distinct()).hasSize(3);
		List<QueuedMessage> queue = this.mongo.findAll(QueuedMessage.class)
			.stream()
			.filter((message) -> message.appealId().equals(appealId))
			.toList();
		assertThat(queue).extracting(QueuedMessage::status).containsOnly(QueuedMessage.Status.SENT);
		assertThat(queue).anySatisfy((message) -> assertThat(message.attempts()).isGreaterThan(1));
	}

	/** Refuses as many sends as told, then takes every one. */
	static class FlakyProvider implements SmsProvider {

		final AtomicInteger failures = new AtomicInteger();

		final AtomicInteger refused = new AtomicInteger();

		final List<SmsMessage> sent = new CopyOnWriteArrayList<>();

		@Override
		public void send(SmsMessage message) {
			if (this.failures.getAndDecrement() > 0) {
				this.refused.incrementAndGet();
				throw new DeliveryException("provider answered 503", null);
			}
			this.sent.add(message);
		}

	}

	@TestConfiguration
	static class Outage {

		/** In place of the HTTP provider the service imports. */
		@Bean
		@Primary
		FlakyProvider flakyProvider() {
			return new FlakyProvider();
		}

	}

}
