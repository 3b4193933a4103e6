package org.waystation.department.cases;

import org.waystation.testsupport.ContainerInfrastructureTest;

@ContainerInfrastructureTest
class DepartmentContainersIT extends DepartmentScenario {

}
