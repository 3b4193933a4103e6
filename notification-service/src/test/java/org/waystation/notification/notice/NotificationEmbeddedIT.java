package org.waystation.notification.notice;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.waystation.testsupport.EmbeddedInfrastructure;
import org.waystation.testsupport.TestInfrastructure;

class NotificationEmbeddedIT extends NotificationScenario {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, EmbeddedInfrastructure::get, "notification");
	}

	@Override
	TestInfrastructure infrastructure() {
		return EmbeddedInfrastructure.get();
	}

}
