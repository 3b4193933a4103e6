package org.waystation.department.sla;

import org.waystation.testsupport.EmbeddedInfrastructureTest;

@EmbeddedInfrastructureTest
class TwoInstancesEmbeddedIT extends TwoInstancesScenario {

}
