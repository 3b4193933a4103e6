package org.waystation.intake;

import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.waystation.testsupport.HttpJson;
import org.waystation.testsupport.TestIssuer;

/** Open311 clients for tests, issued through the administrators' API. */
final class TestOpen311 {

	private TestOpen311() {
	}

	record Client(String clientId, String key) {

	}

	static Client issue(HttpJson http) {
		JsonNode issued = http.as(TestIssuer.get().admin("admin-open311"))
			.post("/api/v1/admin/open311-clients", HttpJson.json(Map.of("name", "测试客户端")))
			.json();
		return new Client(issued.get("client").get("clientId").asString(), issued.get("apiKey").asString());
	}

	/** A new client's key. */
	static String key(HttpJson http) {
		return issue(http).key();
	}

}
