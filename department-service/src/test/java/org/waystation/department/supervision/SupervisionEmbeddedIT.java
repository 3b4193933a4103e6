package org.waystation.department.supervision;

import org.waystation.testsupport.EmbeddedInfrastructureTest;

@EmbeddedInfrastructureTest
class SupervisionEmbeddedIT extends SupervisionScenario {

}
