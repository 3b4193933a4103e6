package org.waystation.support.privacy;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Imported by the services that derive worker ids from phone numbers; they do not start
 * without the key.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkerIdProperties.class)
public class WorkerIdConfiguration {

	@Bean
	WorkerIds workerIds(WorkerIdProperties properties) {
		return new WorkerIds(properties.workerIdKey());
	}

}
