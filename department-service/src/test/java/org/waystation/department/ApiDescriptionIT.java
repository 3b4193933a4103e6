package org.waystation.department;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.waystation.testsupport.EmbeddedInfrastructureTest;
import org.waystation.testsupport.HttpJson;
import org.waystation.testsupport.ServiceScenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's OpenAPI description: public, every endpoint with who may call it, and the
 * refusals in the one problem-detail format.
 */
@EmbeddedInfrastructureTest
class ApiDescriptionIT extends ServiceScenario {

	@Test
	void describesEveryEndpointWithWhoMayCallItAndTheProblemDetailsItAnswers() {
		HttpJson.Response response = http().get("/v3/api-docs");

		assertThat(response.status()).isEqualTo(200);
		JsonNode api = response.json();
		assertThat(api.get("info").get("title").asString()).isEqualTo("Waystation department-service");
		assertThat(api.get("paths").propertyNames()).contains("/api/v1/cases/{caseId}",
				"/api/v1/departments/{code}/cases", "/api/v1/departments/{code}/queues", "/api/v1/supervision/worklist",
				"/api/v1/supervision/alerts/{alertId}/ack", "/api/v1/cases/{caseId}/return/reject");
		JsonNode caseFile = api.get("paths").get("/api/v1/cases/{caseId}").get("get");
		assertThat(caseFile.get("description").asString()).contains("Who may call it:** roles STAFF,SUPERVISOR,TRIAGE");
		assertThat(caseFile.get("security").toString()).contains("bearer");
		assertThat(caseFile.get("parameters").findValuesAsString("name")).containsExactly("caseId");
		assertThat(caseFile.get("responses").get("404").get("content").get("application/problem+json").toString())
			.contains("#/components/schemas/Problem");
		assertThat(api.get("components").get("schemas").get("Problem").get("properties").propertyNames())
			.contains("status", "detail", "code", "errors");
		assertThat(api.get("components").get("securitySchemes").get("bearer").get("scheme").asString())
			.isEqualTo("bearer");
		assertThat(api.get("servers").get(0).get("url").asString()).isEqualTo("/");
	}

}
