package org.waystation.routing.similar;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.waystation.events.AppealSubmitted;
import org.waystation.events.Topics;
import org.waystation.routing.RoutingApplication;
import org.waystation.testsupport.AnotherInstance;
import org.waystation.testsupport.HttpJson;
import org.waystation.testsupport.Samples;
import org.waystation.testsupport.ServiceScenario;
import org.waystation.testsupport.TestIssuer;
import org.waystation.testsupport.TestWorkers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of routing-service on one broker and one store, each routing the appeals
 * of its own partitions: a hot topic counts the appeals of both, each instance sees the
 * topics the other started, and a replay is not counted again. Subclasses say which
 * infrastructure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TwoInstancesScenario extends ServiceScenario {

	private static final String LISTENER = "routing-appeals";

	private static final String[] TEXTS = { "枫林湾驿站的空调外机一直漏水，正好滴在充电区，电动车电池泡水了", "枫林湾驿站空调外机漏水，滴到充电区的电动车电池上，怕短路",
			"我们在枫林湾驿站充电，空调外机漏水把充电区弄湿了，电池泡水很危险", "枫林湾驿站的空调漏水到充电区，电动车电池进水了好几次", };

	@Autowired
	ConfigurableEnvironment environment;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Autowired
	TopicClusterer topics;

	private AnotherInstance second;

	@BeforeAll
	void startTheSecondInstance() {
		this.second = AnotherInstance.of(RoutingApplication.class, this.environment);
		Awaitility.await("both instances own appeal partitions").atMost(Duration.ofSeconds(90)).until(() -> {
			int first = partitionsOf(this.listeners).size();
			int second = partitionsOf(this.second.bean(KafkaListenerEndpointRegistry.class)).size();
			return first > 0 && second > 0;
		});
	}

	@AfterAll
	void stopTheSecondInstance() {
		if (this.second != null) {
			this.second.close();
		}
	}

	@Test
	void aHotTopicCountsTheAppealsOfBothInstancesOnceEach() {
		KafkaListenerEndpointRegistry onFirst = this.listeners;
		KafkaListenerEndpointRegistry onSecond = this.second.bean(KafkaListenerEndpointRegistry.class);
		AppealSubmitted opening = submit(keyOn(partitionsOf(onFirst)), 0);
		String topicId = topicOf(opening);
		Awaitility.await("the second instance sees the topic the first started")
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.second.bean(TopicClusterer.class).open(topicId).isPresent());

		// Both instances count into the topic at the same time.
		List<AppealSubmitted> both = new ArrayList<>();
		for (int i = 1; i <= 4; i++) {
			both.add(submit(keyOn(partitionsOf(onFirst)), i));
			both.add(submit(keyOn(partitionsOf(onSecond)), i + 1));
		}

		both.forEach((appeal) -> assertThat(topicOf(appeal)).as(appeal.trackingCode()).isEqualTo(topicId));
		Awaitility.await("both instances' counts are in the store").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			for (HttpJson instance : List.of(http(), this.second.http())) {
				JsonNode topic = instance.as(triage()).get("/api/v1/routing/hot-topics/" + topicId).json();
				assertThat(topic.get("appeals").asInt()).as(topic.toString()).isEqualTo(9);
				assertThat(topic.get("workers").asInt()).isEqualTo(9);
			}
		});
		Awaitility.await("each instance's view has the other's counts")
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.topics.open(topicId).map(HotTopic::getCount).orElse(0) == 9
					&& this.second.bean(TopicClusterer.class).open(topicId).map(HotTopic::getCount).orElse(0) == 9);

		// A replay of the first appeal, then one more on its partition: only the new one
		// counts.
		sender().send(opening);
		AppealSubmitted after = submit(keyOn(List.of(partitionOf(opening.appealId()))), 3);
		assertThat(topicOf(after)).isEqualTo(topicId);
		Awaitility.await("the last appeal is counted, the replay is not")
			.atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(
					http().as(triage()).get("/api/v1/routing/hot-topics/" + topicId).json().get("appeals").asInt())
				.isEqualTo(10));
	}

	private AppealSubmitted submit(String appealId, int n) {
		AppealSubmitted sample = Samples.fresh(AppealSubmitted.class);
		String phone = "137" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
		AppealSubmitted appeal = new AppealSubmitted(sample.eventId(), appealId, sample.occurredAt(), 1,
				sample.correlationId(), sample.trackingCode(), sample.channel(), TEXTS[n % TEXTS.length], phone, "丰台区",
				null, TestWorkers.idOf(phone));
		sender().send(appeal);
		return appeal;
	}

	/** The hot topic routing placed the appeal in, once it is routed. */
	private String topicOf(AppealSubmitted appeal) {
		JsonNode decision = Awaitility.await("routing " + appeal.trackingCode())
			.atMost(Duration.ofSeconds(30))
			.until(() -> http().as(triage()).get("/api/v1/routing/decisions/" + appeal.appealId()),
					(response) -> response.status() == 200)
			.json();
		return decision.get("hotTopic").get("id").asString();
	}

	/** An appeal id whose record lands on one of the partitions. */
	private static String keyOn(Collection<Integer> partitions) {
		while (true) {
			String key = UUID.randomUUID().toString();
			if (partitions.contains(partitionOf(key))) {
				return key;
			}
		}
	}

	/** The partition the producer puts a record with this key on: its murmur2 hash. */
	private static int partitionOf(String key) {
		return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitionCount();
	}

	private static List<Integer> partitionsOf(KafkaListenerEndpointRegistry registry) {
		MessageListenerContainer container = registry.getListenerContainer(LISTENER);
		Collection<TopicPartition> assigned = (container != null) ? container.getAssignedPartitions() : null;
		return (assigned == null) ? List.of()
				: assigned.stream()
					.filter((partition) -> partition.topic().equals(Topics.APPEAL_SUBMITTED))
					.map(TopicPartition::partition)
					.toList();
	}

	private static int partitionCount() {
		return 3;
	}

	private static String triage() {
		return TestIssuer.get().triage("triage.zhaomin");
	}

}
