package org.waystation.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.waystation.events.DomainEvent;
import org.waystation.events.EventCodec;

/** Publishes events, or anything else, the way an upstream service would. */
public final class EventSender implements AutoCloseable {

	private final KafkaProducer<String, byte[]> producer;

	public EventSender(String bootstrapServers) {
		this.producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new ByteArraySerializer());
	}

	/**
	 * Publishes the event to its topic, under its key (the appeal id, or the account's
	 * username), and waits for the acknowledgement.
	 */
	public void send(DomainEvent event) {
		sendRaw(event.topic(), event.key(), EventCodec.toBytes(event));
	}

	public void sendRaw(String topic, String key, String value) {
		sendRaw(topic, key, value.getBytes(StandardCharsets.UTF_8));
	}

	public void sendRaw(String topic, String key, byte[] value) {
		try {
			this.producer.send(new ProducerRecord<>(topic, key, value)).get();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Kafka refused the record", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.producer.close();
	}

}
