package org.waystation.support.messaging;

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
	SmsProvider smsProvider(SmsProperties properties) {
		return new HttpSmsProvider(properties.url(), properties.apiKey(), properties.timeout());
	}

}
