package org.waystation.intake;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.waystation.testsupport.EmbeddedInfrastructure;
import org.waystation.testsupport.TestInfrastructure;

class IntakeEmbeddedIT extends IntakeScenario {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, EmbeddedInfrastructure::get, "intake");
	}

	@Override
	TestInfrastructure infrastructure() {
		return EmbeddedInfrastructure.get();
	}

}
