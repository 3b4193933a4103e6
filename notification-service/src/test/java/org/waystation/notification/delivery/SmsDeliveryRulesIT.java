package org.waystation.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.waystation.events.AppealSubmitted;
import org.waystation.events.CaseEnvelope;
import org.waystation.events.CaseOpened;
import org.waystation.events.Channel;
import org.waystation.support.messaging.DeliveryException;
import org.waystation.support.messaging.SmsMessage;
import org.waystation.support.messaging.SmsProvider;
import org.waystation.testsupport.EmbeddedInfrastructureTest;
import org.waystation.testsupport.HttpJson;
import org.waystation.testsupport.Samples;
import org.waystation.testsupport.ServiceScenario;
import org.waystation.testsupport.TestIssuer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quiet hours (here the hour around the test's start, so that the test runs in them) and
 * messages that fail every attempt (here two).
 */
@EmbeddedInfrastructureTest
class SmsDeliveryRulesIT extends ServiceScenario {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@DynamicPropertySource
	static void quietNow(DynamicPropertyRegistry properties) {
		LocalTime now = LocalTime.now(SHANGHAI);
		properties.add("waystation.notifications.sms.quiet-hours.start",
				() -> now.minusHours(1).format(DateTimeFormatter.ofPattern("HH:mm")));
		properties.add("waystation.notifications.sms.quiet-hours.end",
				() -> now.plusHours(1).format(DateTimeFormatter.ofPattern("HH:mm")));
		properties.add("waystation.notifications.sms.max-attempts", () -> "2");
	}

	@Autowired
	RecordingProvider provider;

	@Autowired
	MongoTemplate mongo;

	@Test
	void holdsAWorkersMessagesInQuietHoursUntilTheirEndUnlessTheAppealIsUrgent() {
		String calm = submitByHotline("13977770001");
		String urgent = submitByHotline("13977770002");

		Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(queued(calm)).singleElement()
				.satisfies((message) -> assertThat(message.nextAttemptAt())
					.isAfter(Instant.now().plus(Duration.ofMinutes(50))));
			assertThat(queued(urgent)).singleElement()
				.satisfies((message) -> assertThat(message.nextAttemptAt())
					.isAfter(Instant.now().plus(Duration.ofMinutes(50))));
		});
		assertThat(this.provider.sent).isEmpty();

		sender().send(opened(urgent, "URGENT", "HEALTH"));

		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.provider.sent).extracting(SmsMessage::to)
				.containsExactly("13977770002", "13977770002"));
		assertThat(queued(calm)).extracting(QueuedMessage::status).containsOnly(QueuedMessage.Status.QUEUED);
	}

	@Test
	void recordsAMessageThatFailedEveryAttemptAndShowsItToTheDepartmentsSupervisors() {
		String refused = submitByHotline("13977779999");
		sender().send(opened(refused, "URGENT", "HRSS"));

		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(queued(refused)).isNotEmpty()
				.allSatisfy((message) -> assertThat(message.status()).isEqualTo(QueuedMessage.Status.FAILED)));
		assertThat(queued(refused)).allSatisfy((message) -> assertThat(message.attempts()).isEqualTo(2));

		String trackingCode = trackingCode(refused);
		HttpJson hrss = http().as(TestIssuer.get().supervisor("supervisor.hrss", "HRSS"));
		HttpJson transport = http().as(TestIssuer.get().supervisor("supervisor.transport", "TRANSPORT"));
		assertThat(hrss.get("/api/v1/notifications/undelivered").json().findValuesAsString("trackingCode"))
			.contains(trackingCode);
		assertThat(hrss.get("/api/v1/notifications/undelivered").json().findValuesAsString("phone"))
			.contains("139****9999");
		assertThat(transport.get("/api/v1/notifications/undelivered").json().findValuesAsString("trackingCode"))
			.doesNotContain(trackingCode);
	}

	private String submitByHotline(String phone) {
		String appealId = UUID.randomUUID().toString();
		AppealSubmitted sample = Samples.forAppeal(AppealSubmitted.class, appealId, trackingCode(appealId));
		sender().send(new AppealSubmitted(sample.eventId(), appealId, sample.occurredAt(), sample.schemaVersion(),
				sample.correlationId(), sample.trackingCode(), Channel.HOTLINE, sample.text(), phone, sample.district(),
				sample.stationId(), sample.workerId()));
		return appealId;
	}

	private static CaseOpened opened(String appealId, String priority, String department) {
		CaseOpened sample = Samples.forAppeal(CaseOpened.class, appealId, trackingCode(appealId));
		return new CaseOpened(
				new CaseEnvelope(UUID.randomUUID(), appealId, sample.occurredAt(), sample.correlationId(),
						sample.caseId(), sample.trackingCode(), department, sample.status()),
				sample.category(), sample.appealType(), priority, CaseOpened.LEAD, sample.district(),
				sample.signDueAt(), sample.resolveDueAt());
	}

	private static String trackingCode(String appealId) {
		return "WS" + appealId.substring(0, 8).toUpperCase().replaceAll("[01]", "7");
	}

	private List<QueuedMessage> queued(String appealId) {
		return this.mongo.find(Query.query(Criteria.where("appealId").is(appealId)), QueuedMessage.class);
	}

	/** Takes every message except to numbers ending in 9999, which it refuses. */
	static class RecordingProvider implements SmsProvider {

		final List<SmsMessage> sent = new CopyOnWriteArrayList<>();

		@Override
		public void send(SmsMessage message) {
			if (message.to().endsWith("9999")) {
				throw new DeliveryException("provider answered 400: number not reachable", null);
			}
			this.sent.add(message);
		}

	}

	@TestConfiguration
	static class Provider {

		@Bean
		@Primary
		RecordingProvider recordingProvider() {
			return new RecordingProvider();
		}

	}

}
