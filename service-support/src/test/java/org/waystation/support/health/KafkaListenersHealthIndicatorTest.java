package org.waystation.support.health;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaListenersHealthIndicatorTest {

	private static final TopicPartition SUBMITTED_0 = new TopicPartition("appeal.submitted", 0);

	private static final TopicPartition SUBMITTED_1 = new TopicPartition("appeal.submitted", 1);

	private static final TopicPartition SUBMITTED_2 = new TopicPartition("appeal.submitted", 2);

	@Test
	void aListenerThatCannotJoinKeepsTheServiceOutOfServiceForTheGraceOnly() {
		// A real container whose broker does not answer: it runs, and never holds a
		// partition.
		Map<String, Object> consumer = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9",
				ConsumerConfig.GROUP_ID_CONFIG, "readiness-test", ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
		ContainerProperties properties = new ContainerProperties("appeal.submitted");
		properties.setMessageListener((MessageListener<String, String>) (record) -> {
		});
		ConcurrentMessageListenerContainer<String, String> container = new ConcurrentMessageListenerContainer<>(
				new DefaultKafkaConsumerFactory<>(consumer, new StringDeserializer(), new StringDeserializer()),
				properties);
		container.setBeanName("routing-appeals");
		container.setConcurrency(3);
		KafkaListenerEndpointRegistry registry = new KafkaListenerEndpointRegistry() {
			@Override
			public Collection<MessageListenerContainer> getListenerContainers() {
				return List.of(container);
			}
		};
		AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-06T09:00:00Z"));
		KafkaListenersHealthIndicator indicator = new KafkaListenersHealthIndicator(registry, 3, now::get);
		try {
			container.start();

			Health first = indicator.health(true);
			now.set(now.get().plus(KafkaListenersHealthIndicator.GRACE));
			Health withinTheGrace = indicator.health(true);
			now.set(now.get().plusSeconds(1));
			Health after = indicator.health(true);

			assertThat(first.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			assertThat(first.getDetails()).containsKey("routing-appeals");
			assertThat(withinTheGrace.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			assertThat(after.getStatus()).isEqualTo(Status.UP);
		}
		finally {
			container.stop();
		}
	}

	@Test
	void withNoListenersTheServiceIsReady() {
		KafkaListenersHealthIndicator indicator = new KafkaListenersHealthIndicator(new KafkaListenerEndpointRegistry(),
				3);

		assertThat(indicator.health(true).getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void aListenerHoldsItsShareWhenEachConsumerHoldsAPartitionAndAllAreHeld() {
		assertThat(KafkaListenersHealthIndicator
			.holdsItsShare(List.of(Set.of(SUBMITTED_0), Set.of(SUBMITTED_1), Set.of(SUBMITTED_2)), 3)).isTrue();
	}

	@Test
	void oneConsumerHoldingEveryPartitionWhileTheOthersJoinIsNotItsShare() {
		// The first consumer of a group gets every partition; the next one to join moves
		// them all again.
		assertThat(KafkaListenersHealthIndicator
			.holdsItsShare(List.of(Set.of(SUBMITTED_0, SUBMITTED_1, SUBMITTED_2), Set.of(), Set.of()), 3)).isFalse();
	}

	@Test
	void partitionsLeftWithoutAConsumerAreNotItsShare() {
		assertThat(KafkaListenersHealthIndicator.holdsItsShare(List.of(Set.of(SUBMITTED_0), Set.of(SUBMITTED_1)), 3))
			.isFalse();
		assertThat(KafkaListenersHealthIndicator.holdsItsShare(List.of(), 3)).isFalse();
	}

	@Test
	void consumersBeyondThePartitionsMayHoldNothing() {
		assertThat(KafkaListenersHealthIndicator
			.holdsItsShare(List.of(Set.of(SUBMITTED_0), Set.of(SUBMITTED_1), Set.of(SUBMITTED_2), Set.of()), 3))
			.isTrue();
		assertThat(KafkaListenersHealthIndicator.holdsItsShare(List.of(Set.of(SUBMITTED_0, SUBMITTED_1), Set.of()), 2))
			.isFalse();
	}

}
