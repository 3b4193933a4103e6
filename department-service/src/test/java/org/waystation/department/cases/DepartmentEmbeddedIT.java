package org.waystation.department.cases;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.waystation.testsupport.EmbeddedInfrastructure;
import org.waystation.testsupport.TestInfrastructure;

class DepartmentEmbeddedIT extends DepartmentScenario {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, EmbeddedInfrastructure::get, "department");
	}

	@Override
	TestInfrastructure infrastructure() {
		return EmbeddedInfrastructure.get();
	}

}
