package org.waystation.identity;

import org.waystation.testsupport.ContainerInfrastructureTest;

@ContainerInfrastructureTest
class IdentityContainersIT extends IdentityScenario {

}
