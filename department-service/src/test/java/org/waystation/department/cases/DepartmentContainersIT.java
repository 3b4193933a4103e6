package org.waystation.department.cases;

import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.waystation.testsupport.ContainerInfrastructure;
import org.waystation.testsupport.TestInfrastructure;

@Testcontainers(disabledWithoutDocker = true)
class DepartmentContainersIT extends DepartmentScenario {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, ContainerInfrastructure::get, "department");
	}

	@Override
	TestInfrastructure infrastructure() {
		return ContainerInfrastructure.get();
	}

}
