package org.waystation.routing.similar;

import org.waystation.testsupport.ContainerInfrastructureTest;

@ContainerInfrastructureTest
class TwoInstancesContainersIT extends TwoInstancesScenario {

}
