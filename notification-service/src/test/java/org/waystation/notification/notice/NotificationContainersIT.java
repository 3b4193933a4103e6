package org.waystation.notification.notice;

import org.waystation.testsupport.ContainerInfrastructureTest;

@ContainerInfrastructureTest
class NotificationContainersIT extends NotificationScenario {

}
