package org.waystation.department.cases;

import org.waystation.testsupport.ContainerInfrastructureTest;

@ContainerInfrastructureTest
class CaseLifecycleContainersIT extends CaseLifecycleScenario {

}
