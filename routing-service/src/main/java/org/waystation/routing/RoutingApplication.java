package org.waystation.routing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.waystation.support.kafka.DeadLetterAdminConfiguration;
import org.waystation.support.privacy.WorkerIdConfiguration;

@SpringBootApplication
@ConfigurationPropertiesScan
@Import({ WorkerIdConfiguration.class, DeadLetterAdminConfiguration.class })
public class RoutingApplication {

	public static void main(String[] args) {
		SpringApplication.run(RoutingApplication.class, args);
	}

}
