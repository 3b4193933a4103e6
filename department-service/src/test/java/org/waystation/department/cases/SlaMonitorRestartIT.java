package org.waystation.department.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.waystation.department.DepartmentApplication;
import org.waystation.events.AppealRouted;
import org.waystation.events.CaseOpened;
import org.waystation.events.EventCodec;
import org.waystation.events.SlaBreached;
import org.waystation.events.SlaWarning;
import org.waystation.events.Topics;
import org.waystation.testsupport.EmbeddedInfrastructure;
import org.waystation.testsupport.EventRecorder;
import org.waystation.testsupport.EventSender;
import org.waystation.testsupport.MutableClock;
import org.waystation.testsupport.Samples;
import org.waystation.testsupport.TestIssuer;
import org.waystation.testsupport.TestWorkers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SLA monitor across a real restart of department-service: a warning fired before the
 * stop is not fired again, and the milestones that passed while it was down are fired
 * once after it.
 */
class SlaMonitorRestartIT {

	private static final Instant OPENED = Instant.parse("2026-03-04T02:00:00Z");

	private final EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.get();

	private final MutableClock clock = new MutableClock(OPENED);

	private ConfigurableApplicationContext start() {
		List<String> arguments = new java.util.ArrayList<>(List.of("--server.port=0",
				"--spring.kafka.bootstrap-servers=" + this.infrastructure.kafkaBootstrapServers(),
				"--spring.mongodb.uri=" + this.infrastructure.mongoUri("department-restart"),
				"--spring.kafka.consumer.group-id=department-restart", "--waystation.cases.sla-check-interval=100ms",
				"--waystation.cases.auto-assign=false", TestWorkers.keyArgument()));
		arguments.addAll(TestIssuer.get().arguments());
		return new SpringApplicationBuilder(DepartmentApplication.class)
			.initializers((context) -> context.getBeanFactory().registerSingleton("testClock", this.clock))
			.run(arguments.toArray(String[]::new));
	}

	@Test
	void neitherFiresTwiceNorMissesABreachAcrossARestart() {
		AppealRouted sample = Samples.fresh(AppealRouted.class);
		// URGENT: sign for within 30 minutes, around the clock.
		AppealRouted urgent = new AppealRouted(sample.eventId(), sample.appealId(), OPENED, 1, sample.correlationId(),
				sample.trackingCode(), "WORK_INJURY", "HRSS", "HELP", "URGENT", 0.9, List.of("受伤"), "受伤", "朝阳区",
				List.of(), null, null, List.of(), "送餐途中被电动车撞倒，腿受伤了", "MOBILE_APP", null, OPENED, null, "URGENT", null,
				null);
		try (EventRecorder events = new EventRecorder(this.infrastructure.kafkaBootstrapServers());
				EventSender sender = new EventSender(this.infrastructure.kafkaBootstrapServers())) {
			String caseId;
			try (ConfigurableApplicationContext first = start()) {
				sender.send(urgent);
				caseId = events.await(CaseOpened.class, (e) -> e.appealId().equals(urgent.appealId())).caseId();
				// Other department-service instances of this test JVM share the broker:
				// wait until this one has opened the case in its own database.
				MongoTemplate firstMongo = first.getBean(MongoTemplate.class);
				Awaitility.await()
					.atMost(Duration.ofSeconds(60))
					.until(() -> firstMongo.findById(caseId, Case.class) != null);
				this.clock.set(OPENED.plus(Duration.ofMinutes(16)));
				events.await(SlaWarning.class, (e) -> e.caseId().equals(caseId) && e.threshold() == 50);
			}
			// Down while 80 % (24 min) and the deadline (30 min) pass.
			this.clock.set(OPENED.plus(Duration.ofMinutes(45)));
			try (ConfigurableApplicationContext second = start()) {
				SlaBreached breach = events.await(SlaBreached.class, (e) -> e.caseId().equals(caseId));
				assertThat(breach.clock()).isEqualTo("SIGN");
				assertThat(breach.dueAt()).isEqualTo(OPENED.plus(Duration.ofMinutes(30)));
				SlaMonitor monitor = second.getBean(SlaMonitor.class);
				monitor.checkDue();
				monitor.checkDue();
				MongoTemplate mongo = second.getBean(MongoTemplate.class);
				Awaitility.await()
					.atMost(Duration.ofSeconds(30))
					.until(() -> mongo.findById(caseId, Case.class).getOutbox().isEmpty());
				// A marker behind every event of this appeal on its partition: once it is
				// read, so is everything published before it.
				CaseOpened marker = Samples.forAppeal(CaseOpened.class, urgent.appealId() + "-marker", "WS99999999");
				sender.sendRaw(Topics.CASE_EVENTS, urgent.appealId(), EventCodec.toBytes(marker));
				events.await(CaseOpened.class, (e) -> e.eventId().equals(marker.eventId()));

				assertThat(events.all(SlaWarning.class, (e) -> e.caseId().equals(caseId)))
					.extracting(SlaWarning::threshold)
					.containsExactly(50, 80);
				assertThat(events.all(SlaBreached.class, (e) -> e.caseId().equals(caseId))).hasSize(1);
				assertThat(mongo.findById(caseId, Case.class).getSlaFired()).containsExactly("SIGN@50", "SIGN@80",
						"SIGN@100");
			}
		}
	}

}
