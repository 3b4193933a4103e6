package org.waystation.support.correlation;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.MDC;

import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Puts the correlation id of each consumed record in the logging context while it is
 * handled.
 */
public class CorrelationRecordInterceptor implements RecordInterceptor<Object, Object> {

	@Override
	public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
			Consumer<Object, Object> consumer) {
		Header header = record.headers().lastHeader(CorrelationIds.KAFKA_HEADER);
		if (header != null && header.value() != null) {
			CorrelationIds.valid(new String(header.value(), StandardCharsets.UTF_8))
				.ifPresent((id) -> MDC.put(CorrelationIds.MDC_KEY, id));
		}
		return record;
	}

	@Override
	public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
		MDC.remove(CorrelationIds.MDC_KEY);
	}

}
