package org.waystation.department.cases;

import org.waystation.testsupport.EmbeddedInfrastructureTest;

@EmbeddedInfrastructureTest
class CaseLifecycleEmbeddedIT extends CaseLifecycleScenario {

}
