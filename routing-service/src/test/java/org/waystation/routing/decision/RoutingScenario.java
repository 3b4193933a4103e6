package org.waystation.routing.decision;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.waystation.events.AppealRouted;
import org.waystation.events.AppealSubmitted;
import org.waystation.events.EventCodec;
import org.waystation.events.Topics;
import org.waystation.testsupport.HttpJson;
import org.waystation.testsupport.Samples;
import org.waystation.testsupport.ServiceScenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * routing-service against a real broker and MongoDB-wire server; subclasses say which.
 */
abstract class RoutingScenario extends ServiceScenario {

	@Autowired
	MongoTemplate mongo;

	@Test
	void routesTheContractSampleAndPublishesAppealRouted() {
		AppealSubmitted submitted = Samples.fresh(AppealSubmitted.class);

		sender().send(submitted);

		AppealRouted routed = events().await(AppealRouted.class, (e) -> e.appealId().equals(submitted.appealId()));
		assertThat(routed.department()).isEqualTo("HRSS");
		assertThat(routed.category()).isEqualTo("WAGE_ARREARS");
		assertThat(routed.trackingCode()).isEqualTo(submitted.trackingCode());
		assertThat(routed.correlationId()).isEqualTo(submitted.correlationId());
		assertThat(routed.explanation()).isNotBlank();
		JsonNode decision = http().get("/api/v1/routing/decisions/" + submitted.appealId()).json();
		assertThat(decision.get("department").asString()).isEqualTo("HRSS");
		assertThat(decision.get("rulesVersion").asString()).startsWith("keywords-");
	}

	@Test
	void routesAReplayedAppealOnlyOnce() {
		AppealSubmitted submitted = Samples.fresh(AppealSubmitted.class);
		AppealSubmitted marker = Samples.fresh(AppealSubmitted.class);

		sender().send(submitted);
		events().await(AppealRouted.class, (e) -> e.appealId().equals(submitted.appealId()));
		sender().send(submitted);
		// Same key, same partition: once the marker is routed, the replay before it was
		// handled.
		sender().sendRaw(Topics.APPEAL_SUBMITTED, submitted.appealId(),
				EventCodec.toBytes(new AppealSubmitted(marker.eventId(), submitted.appealId() + "-marker",
						marker.occurredAt(), 1, marker.correlationId(), marker.trackingCode(), marker.channel(),
						marker.text(), marker.phone(), marker.district(), marker.stationId())));
		events().await(AppealRouted.class, (e) -> e.appealId().equals(submitted.appealId() + "-marker"));

		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.mongo.findById(submitted.appealId() + "-marker", RoutingDecision.class)
				.getOutbox()
				.isEmpty());
		assertThat(events().all(AppealRouted.class, (e) -> e.appealId().equals(submitted.appealId()))
			.stream()
			.map(AppealRouted::eventId)
			.distinct()).hasSize(1);
	}

	@Test
	void deadLettersUnreadableRecordsAndKeepsRouting() {
		AppealSubmitted after = Samples.fresh(AppealSubmitted.class);

		sender().sendRaw(Topics.APPEAL_SUBMITTED, after.appealId(), "{\"type\":\"AppealSubmitted\",\"eventId\":42}");
		sender().send(after);

		events().awaitDeadLetter(Topics.deadLetterOf(Topics.APPEAL_SUBMITTED), "\"eventId\":42");
		events().await(AppealRouted.class, (e) -> e.appealId().equals(after.appealId()));
	}

	@Test
	void answersNotFoundForAnAppealNotRouted() {
		HttpJson.Response response = http().get("/api/v1/routing/decisions/no-such-appeal");

		assertThat(response.status()).isEqualTo(404);
	}

}
