package org.waystation.routing.decision;

import org.waystation.testsupport.EmbeddedInfrastructureTest;

@EmbeddedInfrastructureTest
class RoutingEmbeddedIT extends RoutingScenario {

}
