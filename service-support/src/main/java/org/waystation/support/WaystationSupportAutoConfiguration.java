package org.waystation.support;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.waystation.events.Topics;
import org.waystation.support.correlation.CorrelationIdFilter;
import org.waystation.support.correlation.CorrelationRecordInterceptor;
import org.waystation.support.health.KafkaListenersHealthIndicator;
import org.waystation.support.health.MongoPingHealthIndicator;
import org.waystation.support.kafka.DeadLetters;
import org.waystation.support.kafka.KafkaTopicsProperties;
import org.waystation.support.outbox.OutboxProperties;
import org.waystation.support.outbox.OutboxRelay;
import org.waystation.support.outbox.OutboxWriter;
import org.waystation.support.security.Refusals;
import org.waystation.support.state.SharedState;
import org.waystation.support.state.SharedStateProperties;
import org.waystation.support.state.SharedStateRefresher;
import org.waystation.support.web.ApiExceptionHandler;
import org.waystation.support.web.StrictJson;

/**
 * Wires what every service shares: the outbox relay, Kafka retries and dead letters, the
 * Waystation topics, a MongoDB health check that works on mongo-java-server, readiness
 * that waits for the Kafka listeners to hold their partitions, API errors, and the
 * refresh of state that other instances change.
 */
@AutoConfiguration(before = MongoHealthContributorAutoConfiguration.class)
@EnableConfigurationProperties({ OutboxProperties.class, KafkaTopicsProperties.class, SharedStateProperties.class })
public class WaystationSupportAutoConfiguration {

	/** Request bodies read strictly: see {@link StrictJson}. */
	@Bean
	JsonMapperBuilderCustomizer strictJson() {
		return StrictJson.customizer();
	}

	@Bean
	OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<Object, Object> kafka, OutboxProperties properties,
			MeterRegistry meters) {
		return new OutboxRelay(mongo, kafka, properties, meters);
	}

	@Bean
	OutboxWriter outboxWriter(MongoTemplate mongo, OutboxRelay relay) {
		return new OutboxWriter(mongo, relay);
	}

	@Bean
	CommonErrorHandler kafkaErrorHandler(KafkaTemplate<Object, Object> kafka, KafkaTopicsProperties properties) {
		return DeadLetters.errorHandler(kafka, properties.retries());
	}

	@Bean
	KafkaAdmin.NewTopics waystationTopics(KafkaTopicsProperties properties) {
		return new KafkaAdmin.NewTopics(Topics.all()
			.stream()
			.map((name) -> new NewTopic(name, properties.partitions(), properties.replicationFactor()))
			.toArray(NewTopic[]::new));
	}

	@Bean(name = "mongoHealthIndicator")
	MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
		return new MongoPingHealthIndicator(mongo);
	}

	/** In the readiness group: see {@link KafkaListenersHealthIndicator}. */
	@Bean(name = "kafkaListenersHealthIndicator")
	KafkaListenersHealthIndicator kafkaListenersHealthIndicator(KafkaListenerEndpointRegistry registry,
			KafkaTopicsProperties topics) {
		return new KafkaListenersHealthIndicator(registry, topics.partitions());
	}

	@Bean
	ApiExceptionHandler apiExceptionHandler(ObjectProvider<Refusals> refusals) {
		return new ApiExceptionHandler(refusals.getIfAvailable());
	}

	@Bean
	FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
		FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(
				new CorrelationIdFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	SharedStateRefresher sharedStateRefresher(ObjectProvider<SharedState> states, SharedStateProperties properties) {
		return new SharedStateRefresher(states.orderedStream().toList(), properties);
	}

	@Bean
	CorrelationRecordInterceptor correlationRecordInterceptor() {
		return new CorrelationRecordInterceptor();
	}

}
