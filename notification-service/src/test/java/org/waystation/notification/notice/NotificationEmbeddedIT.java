package org.waystation.notification.notice;

import org.waystation.testsupport.EmbeddedInfrastructureTest;

@EmbeddedInfrastructureTest
class NotificationEmbeddedIT extends NotificationScenario {

}
