package org.waystation.support.kafka;

import java.time.Clock;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.waystation.support.kafka.web.DeadLetterController;

/**
 * Imported by the one service that serves the dead-letter administration (the gateway
 * routes {@code /api/v1/admin/dead-letters/**} to it); the dead-letter topics are shared
 * by every consumer.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterAdminConfiguration {

	@Bean
	DeadLetterArchive deadLetterArchive(ConsumerFactory<?, ?> consumers, KafkaTemplate<Object, Object> kafka,
			MongoTemplate mongo, Optional<Clock> clock) {
		return new DeadLetterArchive(consumers, kafka, mongo, clock.orElse(Clock.systemUTC()));
	}

	@Bean
	DeadLetterController deadLetterController(DeadLetterArchive archive) {
		return new DeadLetterController(archive);
	}

}
