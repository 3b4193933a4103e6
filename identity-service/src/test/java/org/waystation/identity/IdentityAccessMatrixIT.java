package org.waystation.identity;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.waystation.testsupport.AccessMatrix;
import org.waystation.testsupport.AccessMatrix.Persona;
import org.waystation.testsupport.AccessMatrix.Request;
import org.waystation.testsupport.EmbeddedInfrastructureTest;
import org.waystation.testsupport.HttpJson;
import org.waystation.testsupport.ServiceScenario;
import org.waystation.testsupport.TestIssuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waystation.testsupport.AccessMatrix.Persona.ADMIN;

/**
 * Every endpoint of identity-service × every persona. The personas' staff accounts exist,
 * so that what each may do to their own account is seen to pass; the authorization
 * server's own endpoints (token, JWKS, discovery) are its to guard and are tested in the
 * scenario.
 */
@EmbeddedInfrastructureTest
@IdentityTestProperties
class IdentityAccessMatrixIT extends ServiceScenario {

	private static final String ACCOUNTS = "/api/v1/admin/accounts";

	@Autowired
	ApplicationContext context;

	private AccessMatrix matrix;

	private HttpJson admin() {
		return http().as(this.matrix.token(ADMIN));
	}

	private void ensure(String username, List<String> roles, String department, String supervises) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("username", username);
		body.put("name", "矩阵测试");
		body.put("roles", roles);
		if (department != null) {
			body.put("department", department);
		}
		if (supervises != null) {
			body.put("supervises", supervises);
		}
		body.put("password", "matrix-password-1");
		int status = admin().post(ACCOUNTS, HttpJson.json(body)).status();
		assertThat(status).isIn(201, 409);
	}

	private String newAccount() {
		String username = "matrix-target-" + UUID.randomUUID().toString().substring(0, 8);
		ensure(username, List.of("STAFF"), "HRSS", null);
		return username;
	}

	@Test
	void publishesItsApiDescriptionToAnyoneBesideTheAuthorizationServer() {
		HttpJson.Response description = http().get("/v3/api-docs");

		assertThat(description.status()).isEqualTo(200);
		assertThat(description.json().get("paths").propertyNames()).contains("/api/v1/auth/login",
				"/api/v1/admin/accounts");
		assertThat(description.json().get("paths").get("/api/v1/auth/login").get("post").get("description").asString())
			.contains("Who may call it:** anyone");
		assertThat(description.json().get("paths").get("/api/v1/auth/login").get("post").has("security")).isFalse();
	}

	@Test
	void everyEndpointRefusesEveryoneButThoseItIsFor() {
		this.matrix = new AccessMatrix(http(), TestIssuer.get(), "w-ownownownownownownownownow",
				"w-otherotherotherotherotherz", "HRSS", "TRANSPORT");
		ensure(AccessMatrix.subject(Persona.STAFF_OWN, "hrss"), List.of("STAFF"), "HRSS", null);
		ensure(AccessMatrix.subject(Persona.STAFF_OTHER, "transport"), List.of("STAFF"), "TRANSPORT", null);
		ensure(AccessMatrix.subject(Persona.TRIAGE, null), List.of("TRIAGE"), null, null);
		ensure(AccessMatrix.subject(Persona.SUPERVISOR_OWN, "hrss"), List.of("SUPERVISOR"), "HRSS", "HRSS");
		ensure(AccessMatrix.subject(Persona.SUPERVISOR_OTHER, "transport"), List.of("SUPERVISOR"), "TRANSPORT",
				"TRANSPORT");
		ensure(AccessMatrix.subject(Persona.SUPERVISOR_ALL, null), List.of("SUPERVISOR"), null, "*");
		ensure(AccessMatrix.subject(Persona.ADMIN, null), List.of("ADMIN"), null, null);
		ensure(AccessMatrix.subject(Persona.OPERATOR, null), List.of("OPERATOR"), null, null);
		String newAccount = HttpJson.json(Map.of("name", "新同事", "roles", List.of("STAFF"), "department", "HRSS"));

		this.matrix
			.open("POST", "/api/v1/auth/login",
					() -> Request.post("/api/v1/auth/login",
							HttpJson.json(Map.of("username", "nobody", "password", "wrong-password"))))
			.open("GET", "/login", () -> Request.get("/login"))
			.open("POST", "/api/v1/auth/otp",
					() -> Request.post("/api/v1/auth/otp", HttpJson.json(Map.of("phone", "13500009999"))))
			.open("POST", "/api/v1/auth/otp/verify",
					() -> Request.post("/api/v1/auth/otp/verify",
							HttpJson.json(Map.of("phone", "13500009999", "code", "000000"))))
			.open("POST", "/api/v1/auth/refresh",
					() -> Request.post("/api/v1/auth/refresh", HttpJson.json(Map.of("refreshToken", "unknown"))))
			.open("POST", "/api/v1/auth/logout",
					() -> Request.post("/api/v1/auth/logout", HttpJson.json(Map.of("refreshToken", "unknown"))))
			.expect("POST", "/api/v1/auth/logout/all", () -> Request.post("/api/v1/auth/logout/all", "{}"),
					AccessMatrix.SIGNED_IN)
			.expect("GET", "/api/v1/auth/me", () -> Request.get("/api/v1/auth/me"), AccessMatrix.SIGNED_IN)
			.expect("POST", "/api/v1/auth/password",
					() -> Request.post("/api/v1/auth/password",
							HttpJson
								.json(Map.of("currentPassword", "not-the-password", "newPassword", "a-new-secret-1"))),
					AccessMatrix.STAFF_ACCOUNTS)
			.expect("POST", "/api/v1/auth/totp", () -> Request.post("/api/v1/auth/totp", "{}"),
					AccessMatrix.STAFF_ACCOUNTS)
			.expect("POST", "/api/v1/auth/totp/confirm",
					() -> Request.post("/api/v1/auth/totp/confirm", HttpJson.json(Map.of("code", "000000"))),
					AccessMatrix.STAFF_ACCOUNTS)
			.expect("GET", ACCOUNTS, () -> Request.get(ACCOUNTS), ADMIN)
			.expect("POST", ACCOUNTS, () -> Request.post(ACCOUNTS,
					HttpJson.json(Map.of("username", "matrix-new-" + UUID.randomUUID().toString().substring(0, 8),
							"name", "新同事", "roles", List.of("STAFF"), "department", "HRSS"))),
					ADMIN)
			.expect("GET", ACCOUNTS + "/{username}", () -> Request.get(ACCOUNTS + "/" + newAccount()), ADMIN)
			.expect("PUT", ACCOUNTS + "/{username}", () -> Request.put(ACCOUNTS + "/" + newAccount(), newAccount),
					ADMIN)
			.expect("POST", ACCOUNTS + "/{username}/disable",
					() -> Request.post(ACCOUNTS + "/" + newAccount() + "/disable", "{}"), ADMIN)
			.expect("POST", ACCOUNTS + "/{username}/enable",
					() -> Request.post(ACCOUNTS + "/" + newAccount() + "/enable", "{}"), ADMIN)
			.expect("POST", ACCOUNTS + "/{username}/reset",
					() -> Request.post(ACCOUNTS + "/" + newAccount() + "/reset", "{}"), ADMIN)
			.expect("GET", "/api/v1/admin/signing-keys", () -> Request.get("/api/v1/admin/signing-keys"), ADMIN)
			.expect("POST", "/api/v1/admin/signing-keys/rotate",
					() -> Request.post("/api/v1/admin/signing-keys/rotate", "{}"), EnumSet.of(ADMIN))
			.expect("GET", "/api/v1/admin/security-events", () -> Request.get("/api/v1/admin/security-events"), ADMIN)
			.verify(this.context);
	}

}
