package org.waystation.routing;

import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.waystation.events.AppealRouted;
import org.waystation.events.AppealSubmitted;
import org.waystation.events.Topics;
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
 * Every endpoint of routing-service × every persona, on an appeal routed to HRSS (the own
 * department) and a routing rule of the test's own.
 */
@EmbeddedInfrastructureTest
class RoutingAccessMatrixIT extends ServiceScenario {

	private static final String RULES = "/api/v1/admin/routing-rules";

	@Autowired
	ApplicationContext context;

	private AccessMatrix matrix;

	private String routedToHrss() {
		AppealSubmitted submitted = Samples.fresh(AppealSubmitted.class);
		sender().send(submitted);
		AppealRouted routed = events().await(AppealRouted.class, (e) -> e.appealId().equals(submitted.appealId()));
		assertThat(routed.department()).isEqualTo("HRSS");
		return submitted.appealId();
	}

	private HttpJson admin() {
		return http().as(this.matrix.token(ADMIN));
	}

	private String newRule() {
		HttpJson.Response created = admin().post(RULES, ruleBody());
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private static String ruleBody() {
		return HttpJson.json(Map.of("category", "REST_STATION", "district", "延庆区", "stationId",
				"MX-" + UUID.randomUUID().toString().substring(0, 8), "department", "COMMUNITY"));
	}

	@Test
	void everyEndpointRefusesEveryoneButThoseItIsFor() {
		this.matrix = new AccessMatrix(http(), TestIssuer.get(), "w-ownownownownownownownownow",
				"w-otherotherotherotherotherz", "HRSS", "TRANSPORT");
		String appealId = routedToHrss();
		JsonNode decision = http().as(this.matrix.token(TRIAGE)).get("/api/v1/routing/decisions/" + appealId).json();
		String topicId = decision.get("hotTopic").get("id").asString();
		EnumSet<Persona> ruleReaders = EnumSet.of(ADMIN, TRIAGE, Persona.SUPERVISOR_OWN, Persona.SUPERVISOR_OTHER,
				SUPERVISOR_ALL);
		EnumSet<Persona> previewers = EnumSet.copyOf(AccessMatrix.CASE_WORKERS);
		previewers.add(ADMIN);

		this.matrix
			.expect("GET", "/api/v1/routing/decisions/{appealId}",
					() -> Request.get("/api/v1/routing/decisions/" + appealId), STAFF_OWN, TRIAGE, SUPERVISOR_OWN,
					SUPERVISOR_ALL)
			.expect("POST", "/api/v1/routing/preview",
					() -> Request.post("/api/v1/routing/preview", HttpJson.json(Map.of("text", "站点拖欠配送费两个月"))),
					previewers)
			.expect("GET", "/api/v1/routing/hot-topics", () -> Request.get("/api/v1/routing/hot-topics"),
					AccessMatrix.CASE_WORKERS)
			.expect("GET", "/api/v1/routing/hot-topics/{id}",
					() -> Request.get("/api/v1/routing/hot-topics/" + topicId), AccessMatrix.CASE_WORKERS)
			.expect("GET", "/api/v1/routing/merge-suggestions", () -> Request.get("/api/v1/routing/merge-suggestions"),
					EnumSet.of(TRIAGE, Persona.SUPERVISOR_OWN, Persona.SUPERVISOR_OTHER, SUPERVISOR_ALL))
			.expect("GET", RULES, () -> Request.get(RULES), ruleReaders)
			.expect("GET", RULES + "/{id}", () -> Request.get(RULES + "/" + newRule()), ruleReaders)
			.expect("POST", RULES, () -> Request.post(RULES, ruleBody()), ADMIN)
			.expect("PUT", RULES + "/{id}",
					() -> Request.put(RULES + "/" + newRule(),
							HttpJson.json(Map.of("department", "COMMUNITY", "office", "延庆区党群服务中心"))),
					ADMIN)
			.expect("POST", RULES + "/{id}/{action:enable|disable}",
					() -> Request.post(RULES + "/" + newRule() + "/disable", "{}"), ADMIN)
			.expect("GET", RULES + "/audit", () -> Request.get(RULES + "/audit"), ADMIN)
			.expect("GET", "/api/v1/admin/classifier", () -> Request.get("/api/v1/admin/classifier"), ADMIN)
			.expect("GET", "/api/v1/admin/classifier/corrections",
					() -> Request.get("/api/v1/admin/classifier/corrections"), ADMIN)
			.expect("POST", "/api/v1/admin/classifier/retrain",
					() -> Request.post("/api/v1/admin/classifier/retrain", "{}"), ADMIN)
			.expect("GET", "/api/v1/admin/dead-letters", () -> Request.get("/api/v1/admin/dead-letters"), ADMIN)
			.expect("POST", "/api/v1/admin/dead-letters/{topic}/{partition}/{offset}/replay", () -> {
				String marker = "matrix-" + java.util.UUID.randomUUID();
				sender().sendRaw(Topics.APPEAL_SUBMITTED, marker,
						"{\"type\":\"AppealSubmitted\",\"eventId\":\"" + marker + "\"}");
				org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> letter = events()
					.awaitDeadLetter(Topics.deadLetterOf(Topics.APPEAL_SUBMITTED), marker);
				return Request.post("/api/v1/admin/dead-letters/" + letter.topic() + "/" + letter.partition() + "/"
						+ letter.offset() + "/replay", "{}");
			}, ADMIN)
			.verify(this.context);
	}

}
