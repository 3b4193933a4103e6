package org.waystation.routing.decision;

import org.testcontainers.junit.jupiter.Testcontainers;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.waystation.testsupport.ContainerInfrastructure;
import org.waystation.testsupport.TestInfrastructure;

@Testcontainers(disabledWithoutDocker = true)
class RoutingContainersIT extends RoutingScenario {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, ContainerInfrastructure::get, "routing");
	}

	@Override
	TestInfrastructure infrastructure() {
		return ContainerInfrastructure.get();
	}

}
