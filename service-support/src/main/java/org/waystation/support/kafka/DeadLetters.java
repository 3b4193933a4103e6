package org.waystation.support.kafka;

import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.waystation.events.MalformedEventException;
import org.waystation.events.Topics;

/**
 * Retries a failing record with exponential back-off, then moves it to the dead-letter
 * topic beside its topic, so that one bad record never stalls a partition. Records that
 * cannot be read as events go there at once: retrying cannot mend them.
 */
public final class DeadLetters {

	private DeadLetters() {
	}

	public static DefaultErrorHandler errorHandler(KafkaOperations<Object, Object> template, int retries) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(Topics.deadLetterOf(record.topic()), -1));
		ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retries);
		backOff.setInitialInterval(200);
		backOff.setMultiplier(3);
		backOff.setMaxInterval(5_000);
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
		handler.addNotRetryableExceptions(MalformedEventException.class);
		return handler;
	}

}
