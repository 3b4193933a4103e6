package org.waystation.notification.notice;

import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.waystation.testsupport.ContainerInfrastructure;
import org.waystation.testsupport.TestInfrastructure;

@Testcontainers(disabledWithoutDocker = true)
class NotificationContainersIT extends NotificationScenario {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, ContainerInfrastructure::get, "notification");
	}

	@Override
	TestInfrastructure infrastructure() {
		return ContainerInfrastructure.get();
	}

}
