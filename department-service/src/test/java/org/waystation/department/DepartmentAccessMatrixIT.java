package org.waystation.department;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.waystation.department.staff.StaffDirectory;
import org.waystation.department.supervision.Supervision;
import org.waystation.events.AppealRouted;
import org.waystation.events.CaseOpened;
import org.waystation.events.StaffAccountChanged;
import org.waystation.events.SupervisorAlerted;
import org.waystation.testsupport.AccessMatrix;
import org.waystation.testsupport.AccessMatrix.Persona;
import org.waystation.testsupport.AccessMatrix.Request;
import org.waystation.testsupport.EmbeddedInfrastructureTest;
import org.waystation.testsupport.HttpJson;
import org.waystation.testsupport.Samples;
import org.waystation.testsupport.ServiceScenario;
import org.waystation.testsupport.TestIssuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waystation.testsupport.AccessMatrix.Persona.ADMIN;
import static org.waystation.testsupport.AccessMatrix.Persona.STAFF_OWN;
import static org.waystation.testsupport.AccessMatrix.Persona.SUPERVISOR_ALL;
import static org.waystation.testsupport.AccessMatrix.Persona.SUPERVISOR_OWN;
import static org.waystation.testsupport.AccessMatrix.Persona.TRIAGE;

/**
 * Every endpoint of department-service × every persona, on cases of HRSS (the own
 * department) and by staff and supervisors of TRANSPORT (the other).
 */
@EmbeddedInfrastructureTest
class DepartmentAccessMatrixIT extends ServiceScenario {

	private static final String MEMBER = "matrix.member.hrss";

	@Autowired
	ApplicationContext context;

	@Autowired
	StaffDirectory staff;

	@Autowired
	Supervision supervision;

	private AccessMatrix matrix;

	private String newCase() {
		AppealRouted routed = Samples.fresh(AppealRouted.class);
		sender().send(routed);
		return events().await(CaseOpened.class, (e) -> e.appealId().equals(routed.appealId())).caseId();
	}

	private String signedCase() {
		String caseId = newCase();
		assertThat(staffOwn().post("/api/v1/cases/" + caseId + "/sign", "{}").status()).isEqualTo(200);
		return caseId;
	}

	private String returnedCase() {
		String caseId = signedCase();
		assertThat(staffOwn().post("/api/v1/cases/" + caseId + "/return", reason()).status()).isEqualTo(200);
		return caseId;
	}

	/** An urgent alert for HRSS, once department-service has recorded it. */
	private String newAlert() {
		SupervisorAlerted alert = Samples.fresh(SupervisorAlerted.class);
		SupervisorAlerted forHrss = new SupervisorAlerted(alert.eventId(), alert.appealId(), alert.occurredAt(), 1,
				alert.correlationId(), alert.trackingCode(), alert.kind(), "HRSS", alert.category(), alert.priority(),
				alert.confidence(), false, alert.district(), alert.reason());
		sender().send(forHrss);
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.supervision.alert(forHrss.eventId().toString()).isPresent());
		return forHrss.eventId().toString();
	}

	private HttpJson staffOwn() {
		return http().as(this.matrix.token(STAFF_OWN));
	}

	private static String reason() {
		return HttpJson.json(Map.of("reason", "不属于本部门职责", "basis", "区人社局职责清单（2026年版）"));
	}

	private static String text() {
		return HttpJson.json(Map.of("text", "已电话联系工人。"));
	}

	@Test
	void everyEndpointRefusesEveryoneButThoseItIsFor() {
		this.matrix = new AccessMatrix(http(), TestIssuer.get(), "w-ownownownownownownownownow",
				"w-otherotherotherotherotherz", "HRSS", "TRANSPORT");
		sender().send(new StaffAccountChanged(UUID.randomUUID(), Instant.now(), 1, "matrix", MEMBER, "王建国",
				List.of("STAFF"), "HRSS", null, true, 1));
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> this.staff.find(MEMBER).isPresent());
		String cases = "/api/v1/cases/";

		this.matrix
			.expect("GET", "/api/v1/departments/{code}/cases", () -> Request.get("/api/v1/departments/HRSS/cases"),
					STAFF_OWN, SUPERVISOR_OWN, SUPERVISOR_ALL)
			.expect("GET", "/api/v1/departments/{code}/queues", () -> Request.get("/api/v1/departments/HRSS/queues"),
					STAFF_OWN, SUPERVISOR_OWN, SUPERVISOR_ALL)
			.expect("POST", "/api/v1/cases/{caseId}/return/reject",
					() -> Request.post(cases + returnedCase() + "/return/reject",
							HttpJson.json(Map.of("reason", "站点在本区，属本部门职责"))),
					TRIAGE)
			.expect("GET", "/api/v1/supervision/worklist", () -> Request.get("/api/v1/supervision/worklist"),
					java.util.EnumSet.of(TRIAGE, Persona.SUPERVISOR_OWN, Persona.SUPERVISOR_OTHER, SUPERVISOR_ALL))
			.expect("POST", "/api/v1/supervision/alerts/{alertId}/ack",
					() -> Request.post("/api/v1/supervision/alerts/" + newAlert() + "/ack", "{}"), SUPERVISOR_OWN,
					SUPERVISOR_ALL)
			.expect("GET", "/api/v1/departments/{code}/staff", () -> Request.get("/api/v1/departments/HRSS/staff"),
					STAFF_OWN, SUPERVISOR_OWN, SUPERVISOR_ALL)
			.expect("GET", "/api/v1/cases", () -> Request.get("/api/v1/cases?status=RETURNED"),
					java.util.EnumSet.of(TRIAGE, Persona.SUPERVISOR_OWN, Persona.SUPERVISOR_OTHER, SUPERVISOR_ALL))
			.expect("GET", "/api/v1/cases/{caseId}", () -> Request.get(cases + newCase()), STAFF_OWN, SUPERVISOR_OWN,
					SUPERVISOR_ALL)
			.expect("POST", "/api/v1/cases/{caseId}/claim", () -> Request.post(cases + newCase() + "/claim", "{}"),
					STAFF_OWN)
			.expect("POST", "/api/v1/cases/{caseId}/assign",
					() -> Request.post(cases + newCase() + "/assign", HttpJson.json(Map.of("assignee", MEMBER))),
					SUPERVISOR_OWN, SUPERVISOR_ALL)
			.expect("POST", "/api/v1/cases/{caseId}/sign", () -> Request.post(cases + newCase() + "/sign", "{}"),
					STAFF_OWN)
			.expect("POST", "/api/v1/cases/{caseId}/start", () -> Request.post(cases + signedCase() + "/start", "{}"),
					STAFF_OWN)
			.expect("POST", "/api/v1/cases/{caseId}/notes", () -> Request.post(cases + newCase() + "/notes", text()),
					STAFF_OWN, SUPERVISOR_OWN, SUPERVISOR_ALL)
			.expect("POST", "/api/v1/cases/{caseId}/replies",
					() -> Request.post(cases + signedCase() + "/replies", text()), STAFF_OWN)
			.expect("POST", "/api/v1/cases/{caseId}/info-requests",
					() -> Request.post(cases + signedCase() + "/info-requests", text()), STAFF_OWN)
			.expect("POST", "/api/v1/cases/{caseId}/extension",
					() -> Request.post(cases + signedCase() + "/extension",
							HttpJson.json(Map.of("extension", "PT7H", "reason", "需现场核查"))),
					STAFF_OWN)
			.expect("POST", "/api/v1/cases/{caseId}/extension/approve",
					() -> Request.post(cases + newCase() + "/extension/approve", "{}"), SUPERVISOR_OWN, SUPERVISOR_ALL)
			.expect("POST", "/api/v1/cases/{caseId}/extension/reject",
					() -> Request.post(cases + newCase() + "/extension/reject", reason()), SUPERVISOR_OWN,
					SUPERVISOR_ALL)
			.expect("POST", "/api/v1/cases/{caseId}/return",
					() -> Request.post(cases + signedCase() + "/return", reason()), STAFF_OWN)
			.expect("POST", "/api/v1/cases/{caseId}/redispatch",
					() -> Request.post(cases + returnedCase() + "/redispatch",
							HttpJson.json(Map.of("department", "PLATFORM_LIAISON"))),
					TRIAGE)
			.expect("POST", "/api/v1/cases/{caseId}/resolve",
					() -> Request.post(cases + signedCase() + "/resolve", HttpJson.json(Map.of("resolution", "已办结"))),
					STAFF_OWN)
			.expect("POST", "/api/v1/cases/{caseId}/close", () -> Request.post(cases + newCase() + "/close", "{}"),
					SUPERVISOR_OWN, SUPERVISOR_ALL)
			.expect("POST", "/api/v1/cases/{caseId}/merge",
					() -> Request.post(cases + newCase() + "/merge", HttpJson.json(Map.of("intoCaseId", newCase()))),
					STAFF_OWN)
			.expect("PUT", "/api/v1/staff/{id}/duty",
					() -> Request.put("/api/v1/staff/" + MEMBER + "/duty", HttpJson.json(Map.of("onDuty", false))),
					SUPERVISOR_OWN, SUPERVISOR_ALL)
			.expect("GET", "/api/v1/kpis", () -> Request.get("/api/v1/kpis?from=2026-11-01&to=2026-11-30"),
					AccessMatrix.SUPERVISORS)
			.expect("GET", "/api/v1/admin/calendar", () -> Request.get("/api/v1/admin/calendar"),
					java.util.EnumSet.of(ADMIN, Persona.SUPERVISOR_OWN, Persona.SUPERVISOR_OTHER, SUPERVISOR_ALL))
			.expect("PUT", "/api/v1/admin/calendar",
					() -> Request.put("/api/v1/admin/calendar",
							http().as(this.matrix.token(ADMIN)).get("/api/v1/admin/calendar").body()),
					ADMIN)
			.expect("GET", "/api/v1/admin/sla-policies", () -> Request.get("/api/v1/admin/sla-policies"),
					java.util.EnumSet.of(ADMIN, Persona.SUPERVISOR_OWN, Persona.SUPERVISOR_OTHER, SUPERVISOR_ALL))
			.expect("PUT", "/api/v1/admin/sla-policies/{id}",
					() -> Request.put("/api/v1/admin/sla-policies/matrix-policy", "{}"), ADMIN)
			.verify(this.context);
	}

}
