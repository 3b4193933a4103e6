package org.waystation.department.sla;

import org.waystation.testsupport.ContainerInfrastructureTest;

@ContainerInfrastructureTest
class TwoInstancesContainersIT extends TwoInstancesScenario {

}
