package org.waystation.support.messaging;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Imported by the services that send text messages. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SmsProperties.class)
public class SmsConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SmsProvider smsProvider(SmsProperties properties, CircuitBreakerRegistry breakers, RetryRegistry retries) {
		return new ResilientSmsProvider(
				new HttpSmsProvider(properties.url(), properties.apiKey(), properties.timeout()), breakers, retries);
	}

}
