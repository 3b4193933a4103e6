package org.waystation.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.waystation.events.AppealSubmitted;
import org.waystation.events.CaseOpened;
import org.waystation.notification.inbox.Inbox;
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

	@Autowired
	Inbox inbox;

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
			.expect("GET", "/api/v1/notifications/inbox", () -> Request.get("/api/v1/notifications/inbox"),
					AccessMatrix.SIGNED_IN)
			.expect("POST", "/api/v1/notifications/inbox/{id}/read", () -> {
				String eventId = UUID.randomUUID().toString();
				this.inbox.deliver(new Inbox.Message(eventId, appealId, "WS2M3N4P5Q", "CaseSigned", "case.signed",
						"【暖心驿站】人力资源和社会保障局已签收您的诉求", "signed", Instant.now()), List.of(submitted.workerId()));
				return Request.post("/api/v1/notifications/inbox/" + eventId + ":" + submitted.workerId() + "/read",
						"{}");
			}, WORKER_OWN)
			.expect("GET", "/api/v1/notifications/undelivered", () -> Request.get("/api/v1/notifications/undelivered"),
					AccessMatrix.SUPERVISORS)
			.verify(this.context);
	}

}
