package org.waystation.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.waystation.support.messaging.SmsConfiguration;
import org.waystation.support.privacy.WorkerIdConfiguration;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Import({ WorkerIdConfiguration.class, SmsConfiguration.class })
public class IdentityApplication {

	public static void main(String[] args) {
		SpringApplication.run(IdentityApplication.class, args);
	}

}
