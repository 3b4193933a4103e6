package org.waystation.department.supervision;

import org.waystation.testsupport.ContainerInfrastructureTest;

@ContainerInfrastructureTest
class SupervisionContainersIT extends SupervisionScenario {

}
