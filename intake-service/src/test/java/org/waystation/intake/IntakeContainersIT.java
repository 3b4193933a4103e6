package org.waystation.intake;

import org.waystation.testsupport.ContainerInfrastructureTest;

@ContainerInfrastructureTest
class IntakeContainersIT extends IntakeScenario {

}
