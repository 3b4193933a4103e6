package org.waystation.intake;

import org.waystation.testsupport.EmbeddedInfrastructureTest;

@EmbeddedInfrastructureTest
class IntakeEmbeddedIT extends IntakeScenario {

}
