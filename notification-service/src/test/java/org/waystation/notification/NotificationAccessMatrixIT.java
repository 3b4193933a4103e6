package org.waystation.notification;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.waystation.events.AppealSubmitted;
import org.waystation.events.CaseOpened;
import org.waystation.notification.notice.NotificationService;
import org.waystation.testsupport.AccessMatrix;
import org.waystation.testsupport.AccessMatrix.Request;
import org.waystation.testsupport.EmbeddedInfrastructureTest;
import org.waystation.testsupport.Samples;
import org.waystation.testsupport.ServiceScenario;
import org.waystation.testsupport.TestIssuer;

import static org.waystation.testsupport.AccessMatrix.Persona.STAFF_OWN;
import static org.waystation.testsupport.AccessMatrix.Persona.SUPERVISOR_ALL;
import static org.waystation.testsupport.AccessMatrix.Persona.SUPERVISOR_OWN;
import static org.waystation.testsupport.AccessMatrix.Persona.WORKER_OWN;

/** Every endpoint of notification-service × every persona. */
@EmbeddedInfrastructureTest
class NotificationAccessMatrixIT extends ServiceScenario {

	@Autowired
	ApplicationContext context;

	@Autowired
	NotificationService notifications;

	@Test
	void everyEndpointRefusesEveryoneButThoseItIsFor() {
		String appealId = UUID.randomUUID().toString();
		AppealSubmitted submitted = Samples.forAppeal(AppealSubmitted.class, appealId, "WS2M3N4P5Q");
		sender().send(submitted);
		sender().send(Samples.forAppeal(CaseOpened.class, appealId, "WS2M3N4P5Q"));
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.notifications.contactOf(appealId)
				.filter((contact) -> contact.known() && contact.departments().contains("HRSS"))
				.isPresent());

		new AccessMatrix(http(), TestIssuer.get(), submitted.workerId(), "w-otherotherotherotherotherz", "HRSS",
				"TRANSPORT")
			.expect("GET", "/api/v1/notifications", () -> Request.get("/api/v1/notifications?appealId=" + appealId),
					WORKER_OWN, STAFF_OWN, SUPERVISOR_OWN, SUPERVISOR_ALL)
			.verify(this.context);
	}

}
