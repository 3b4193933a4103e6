package org.waystation.routing.decision;

import org.waystation.testsupport.ContainerInfrastructureTest;

@ContainerInfrastructureTest
class RoutingContainersIT extends RoutingScenario {

}
