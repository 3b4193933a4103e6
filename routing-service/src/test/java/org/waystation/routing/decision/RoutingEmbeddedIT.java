package org.waystation.routing.decision;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.waystation.testsupport.EmbeddedInfrastructure;
import org.waystation.testsupport.TestInfrastructure;

class RoutingEmbeddedIT extends RoutingScenario {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, EmbeddedInfrastructure::get, "routing");
	}

	@Override
	TestInfrastructure infrastructure() {
		return EmbeddedInfrastructure.get();
	}

}
