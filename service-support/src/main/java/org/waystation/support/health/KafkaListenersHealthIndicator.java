package org.waystation.support.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Ready once every running listener holds its share of its topics' partitions. A service
 * whose consumers are still joining their group takes requests, but the events those
 * requests cause would wait for the group to settle: each listener that joins moves every
 * partition of the group again. Part of the readiness probe, so that the stack reports
 * ready only when the pipeline flows.
 * <p>
 * Once every listener has held its share, the service stays ready: a later rebalance (an
 * instance of the same service starting or stopping) is ordinary work, not a reason to
 * take the service out of rotation. It waits at most {@link #GRACE} from its first check:
 * after a crash, the group keeps the dead instance's consumers until their sessions end,
 * and the service's requests need not wait for that.
 */
public class KafkaListenersHealthIndicator extends AbstractHealthIndicator {

	/**
	 * How long the first checks wait for the listeners before the service is ready
	 * anyway.
	 */
	static final Duration GRACE = Duration.ofSeconds(30);

	private static final Logger log = LoggerFactory.getLogger(KafkaListenersHealthIndicator.class);

	private final KafkaListenerEndpointRegistry registry;

	private final int partitionsPerTopic;

	private final InstantSource clock;

	private volatile Instant firstCheck;

	private volatile boolean settled;

	/**
	 * @param registry the listeners
	 * @param partitionsPerTopic the partitions each topic is created with; the probe does
	 * not ask the broker (that would block it while the broker is away)
	 */
	public KafkaListenersHealthIndicator(KafkaListenerEndpointRegistry registry, int partitionsPerTopic) {
		this(registry, partitionsPerTopic, Clock.systemUTC());
	}

	KafkaListenersHealthIndicator(KafkaListenerEndpointRegistry registry, int partitionsPerTopic, InstantSource clock) {
		super("Kafka listeners could not be checked");
		this.registry = registry;
		this.partitionsPerTopic = partitionsPerTopic;
		this.clock = clock;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Instant now = this.clock.instant();
		if (this.firstCheck == null) {
			this.firstCheck = now;
		}
		Map<String, Object> details = new LinkedHashMap<>();
		boolean all = true;
		for (MessageListenerContainer container : this.registry.getListenerContainers()) {
			String[] topics = container.getContainerProperties().getTopics();
			if (!container.isRunning() || topics == null) {
				continue;
			}
			int partitions = topics.length * this.partitionsPerTopic;
			List<Collection<TopicPartition>> assignments = new ArrayList<>();
			for (MessageListenerContainer consumer : consumers(container)) {
				Collection<TopicPartition> assigned = consumer.getAssignedPartitions();
				assignments.add((assigned != null) ? assigned : List.of());
			}
			boolean holding = holdsItsShare(assignments, partitions);
			details.put(container.getListenerId(),
					(holding ? "holds " : "joining, holds ") + held(assignments) + " of " + partitions + " partitions");
			all &= holding;
		}
		if (all) {
			this.settled = true;
		}
		else if (!this.settled && now.isAfter(this.firstCheck.plus(GRACE))) {
			this.settled = true;
			log.warn("Ready although the Kafka listeners have not all joined their group within {}: {}", GRACE,
					details);
		}
		(this.settled ? builder.up() : builder.outOfService()).withDetails(details);
	}

	private static List<? extends MessageListenerContainer> consumers(MessageListenerContainer container) {
		if (container instanceof ConcurrentMessageListenerContainer<?, ?> concurrent) {
			return concurrent.getContainers();
		}
		return List.of(container);
	}

	/**
	 * Whether a listener's consumers hold every partition of its topics, and each
	 * consumer holds some where there are partitions enough for all of them: while its
	 * group rebalances, some consumers hold nothing.
	 * @param assignments each consumer's partitions
	 * @param partitions how many partitions its topics have in all
	 */
	static boolean holdsItsShare(List<? extends Collection<TopicPartition>> assignments, int partitions) {
		if (assignments.isEmpty()) {
			return false;
		}
		long consumersHolding = assignments.stream().filter((assigned) -> !assigned.isEmpty()).count();
		return held(assignments) >= partitions && consumersHolding >= Math.min(assignments.size(), partitions);
	}

	private static int held(List<? extends Collection<TopicPartition>> assignments) {
		Set<TopicPartition> held = new HashSet<>();
		assignments.forEach(held::addAll);
		return held.size();
	}

}
