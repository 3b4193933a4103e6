package org.waystation.identity;

import org.waystation.testsupport.EmbeddedInfrastructureTest;

@EmbeddedInfrastructureTest
class IdentityEmbeddedIT extends IdentityScenario {

}
