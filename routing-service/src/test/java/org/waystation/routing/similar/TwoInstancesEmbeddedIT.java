package org.waystation.routing.similar;

import org.waystation.testsupport.EmbeddedInfrastructureTest;

@EmbeddedInfrastructureTest
class TwoInstancesEmbeddedIT extends TwoInstancesScenario {

}
