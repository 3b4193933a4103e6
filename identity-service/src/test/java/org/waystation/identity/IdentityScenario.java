package org.waystation.identity;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.waystation.events.StaffAccountChanged;
import org.waystation.identity.token.SigningKeys;
import org.waystation.identity.totp.Totp;
import org.waystation.standins.SmsGatewayStandIn;
import org.waystation.testsupport.HttpJson;
import org.waystation.testsupport.ServiceScenario;
import org.waystation.testsupport.TestIssuer;
import org.waystation.testsupport.TestSms;
import org.waystation.testsupport.TestWorkers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * identity-service against a real broker and MongoDB-wire server: staff and worker
 * sign-in, lockout, second factors, refresh and revocation, key rotation, the tokens'
 * checks, and the authorization-code flow of the web screens.
 */
@IdentityTestProperties
abstract class IdentityScenario extends ServiceScenario {

	static final String ISSUER = IdentityTestProperties.ISSUER;

	static final String CALLBACK = IdentityTestProperties.CALLBACK;

	@Autowired
	SigningKeys keys;

	@LocalServerPort
	int port;

	private HttpJson admin() {
		return http().as(TestIssuer.get().admin("root.admin"));
	}

	private String newAccount(String username, String... json) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("username", username);
		body.put("name", "王建国");
		body.put("roles", List.of("STAFF"));
		body.put("department", "HRSS");
		body.put("password", "correct-horse-battery");
		for (int i = 0; i + 1 < json.length; i += 2) {
			body.put(json[i], json[i + 1]);
		}
		HttpJson.Response created = admin().post("/api/v1/admin/accounts", HttpJson.json(body));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return username;
	}

	private HttpJson.Response login(String username, String password, String totp) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("username", username);
		body.put("password", password);
		if (totp != null) {
			body.put("totp", totp);
		}
		return http().post("/api/v1/auth/login", HttpJson.json(body));
	}

	private static JWTClaimsSet claims(String token) throws Exception {
		return SignedJWT.parse(token).getJWTClaimsSet();
	}

	@Test
	void keepsAnAccountsEmailAddressInOneSpellingAndRefusesOneThatIsNot() {
		String username = newAccount("hrss.mail." + System.nanoTime() % 100000, "email",
				"  WangJianGuo@RSJ.example.cn ");
		assertThat(admin().get("/api/v1/admin/accounts/" + username).json().get("email").asString())
			.isEqualTo("wangjianguo@rsj.example.cn");

		Map<String, Object> change = new LinkedHashMap<>();
		change.put("name", "王建国");
		change.put("roles", List.of("STAFF"));
		change.put("department", "HRSS");
		change.put("email", "not an address");
		HttpJson.Response refused = admin().put("/api/v1/admin/accounts/" + username, HttpJson.json(change));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.toString()).contains("email");
		change.put("email", null);
		HttpJson.Response cleared = admin().put("/api/v1/admin/accounts/" + username, HttpJson.json(change));
		assertThat(cleared.status()).isEqualTo(200);
		assertThat(cleared.json().get("email").isNull()).isTrue();
	}

	@Test
	void staffSignInGivesAShortLivedTokenThatCarriesRolesAndDepartment() throws Exception {
		String username = newAccount("hrss.wang-" + suffix());

		HttpJson.Response signedIn = login(username, "correct-horse-battery", null);

		assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
		String token = signedIn.json().get("token").asString();
		assertThat(signedIn.json().get("refreshToken").asString()).isNotBlank();
		assertThat(signedIn.json().get("expiresIn").asLong()).isBetween(800L, 900L);
		JWTClaimsSet claims = claims(token);
		assertThat(claims.getIssuer()).isEqualTo(ISSUER);
		assertThat(claims.getSubject()).isEqualTo(username);
		assertThat(claims.getStringListClaim("roles")).containsExactly("STAFF");
		assertThat(claims.getStringClaim("department")).isEqualTo("HRSS");
		assertThat(SignedJWT.parse(token).getHeader().getAlgorithm().getName()).isEqualTo("RS256");
		assertThat(SignedJWT.parse(token).getHeader().getKeyID()).isEqualTo(this.keys.activeKid());
		JsonNode me = http().as(token).get("/api/v1/auth/me").json();
		assertThat(me.get("subject").asString()).isEqualTo(username);
		assertThat(me.get("department").asString()).isEqualTo("HRSS");
		StaffAccountChanged published = events().await(StaffAccountChanged.class,
				(event) -> event.username().equals(username));
		assertThat(published.department()).isEqualTo("HRSS");
		assertThat(published.roles()).containsExactly("STAFF");
		assertThat(published.enabled()).isTrue();
	}

	@Test
	void refusesEveryWrongPartAlikeAndLocksTheAccountAfterFiveFailures() {
		String username = newAccount("hrss.li-" + suffix());

		HttpJson.Response unknown = login("nobody-" + suffix(), "correct-horse-battery", null);
		for (int i = 0; i < 5; i++) {
			HttpJson.Response wrong = login(username, "wrong-password-" + i, null);
			assertThat(wrong.status()).isEqualTo(401);
			assertThat(wrong.json().get("detail").asString()).isEqualTo(unknown.json().get("detail").asString());
		}
		HttpJson.Response whileLocked = login(username, "correct-horse-battery", null);

		assertThat(unknown.status()).isEqualTo(401);
		assertThat(unknown.json().get("code").asString()).isEqualTo("invalid-credentials");
		assertThat(whileLocked.status()).isEqualTo(401);
		assertThat(whileLocked.json().get("detail").asString()).isEqualTo(unknown.json().get("detail").asString());
		assertThat(admin().get("/api/v1/admin/accounts/" + username).json().get("locked").asBoolean()).isTrue();
		JsonNode log = admin().get("/api/v1/admin/security-events?subject=" + username).json();
		assertThat(log.findValuesAsString("type")).contains("account-locked", "sign-in-failed", "sign-in-refused");
		assertThat(http().get("/actuator/prometheus").body())
			.containsPattern("waystation_security_refusals_total\\{.*reason=\"invalid-credentials\".*} [1-9]");

		HttpJson.Response reset = admin().post("/api/v1/admin/accounts/" + username + "/reset", "");
		String newPassword = reset.json().get("password").asString();
		assertThat(login(username, newPassword, null).status()).isEqualTo(200);
		assertThat(login(username, "correct-horse-battery", null).status()).isEqualTo(401);
	}

	@Test
	void administratorsSignInWithAnAuthenticatorCodeThatWorksOnce() throws Exception {
		String username = "admin-" + suffix();
		HttpJson.Response created = admin().post("/api/v1/admin/accounts", HttpJson.json(Map.of("username", username,
				"name", "系统管理员", "roles", List.of("ADMIN"), "password", "correct-horse-battery")));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String secret = created.json().get("totpSecret").asString();
		assertThat(created.json().get("totpUri").asString()).startsWith("otpauth://totp/Waystation%3A" + username);

		HttpJson.Response withoutCode = login(username, "correct-horse-battery", null);
		HttpJson.Response wrongCode = login(username, "correct-horse-battery",
				"000000".equals(Totp.code(secret, Instant.now())) ? "111111" : "000000");
		String code = Totp.code(secret, Instant.now());
		HttpJson.Response withCode = login(username, "correct-horse-battery", code);
		HttpJson.Response replayed = login(username, "correct-horse-battery", code);

		assertThat(withoutCode.status()).isEqualTo(401);
		assertThat(withoutCode.json().get("code").asString()).isEqualTo("second-factor-required");
		assertThat(wrongCode.status()).isEqualTo(401);
		assertThat(withCode.status()).as(withCode.toString()).isEqualTo(200);
		assertThat(claims(withCode.json().get("token").asString()).getStringListClaim("roles"))
			.containsExactly("ADMIN");
		assertThat(replayed.status()).isEqualTo(401);
	}

	@Test
	void aRefreshTokenWorksOnceAndSigningOutOrDisablingEndsTheSignIn() throws Exception {
		String username = newAccount("hrss.zhao-" + suffix());
		JsonNode first = login(username, "correct-horse-battery", null).json();
		String refreshToken = first.get("refreshToken").asString();

		HttpJson.Response refreshed = http().post("/api/v1/auth/refresh",
				HttpJson.json(Map.of("refreshToken", refreshToken)));
		HttpJson.Response again = http().post("/api/v1/auth/refresh",
				HttpJson.json(Map.of("refreshToken", refreshToken)));

		assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
		assertThat(claims(refreshed.json().get("token").asString()).getSubject()).isEqualTo(username);
		assertThat(again.status()).isEqualTo(401);
		String next = refreshed.json().get("refreshToken").asString();
		assertThat(http().post("/api/v1/auth/logout", HttpJson.json(Map.of("refreshToken", next))).status())
			.isEqualTo(204);
		assertThat(http().post("/api/v1/auth/refresh", HttpJson.json(Map.of("refreshToken", next))).status())
			.isEqualTo(401);

		String other = login(username, "correct-horse-battery", null).json().get("refreshToken").asString();
		assertThat(admin().post("/api/v1/admin/accounts/" + username + "/disable", "").status()).isEqualTo(200);
		assertThat(http().post("/api/v1/auth/refresh", HttpJson.json(Map.of("refreshToken", other))).status())
			.isEqualTo(401);
		assertThat(login(username, "correct-horse-battery", null).status()).isEqualTo(401);
		StaffAccountChanged disabled = events().await(StaffAccountChanged.class,
				(event) -> event.username().equals(username) && !event.enabled());
		assertThat(disabled.revision()).isEqualTo(2);
	}

	@Test
	void refusesTokensThatAreExpiredTamperedForeignOrSignedWithAnUnknownKey() {
		String good = TestIssuer.get().staff("hrss.chen", "HRSS");
		String expired = TestIssuer.get()
			.token("hrss.chen")
			.roles("STAFF")
			.issuedAt(Instant.now().minus(Duration.ofHours(2)), Duration.ofMinutes(15))
			.sign();
		String foreign = TestIssuer.get().token("hrss.chen").roles("STAFF").issuedBy("https://evil.example").sign();
		String forged = TestIssuer.get().token("hrss.chen").roles("STAFF").signedWithUnknownKey().sign();
		String[] parts = good.split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
			.replace("\"STAFF\"", "\"ADMIN\"");
		String tampered = parts[0] + "."
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
				+ parts[2];

		assertThat(http().as(good).get("/api/v1/auth/me").status()).isEqualTo(200);
		for (String bad : List.of(expired, foreign, forged, tampered, "not-a-token")) {
			HttpJson.Response refused = http().as(bad).get("/api/v1/auth/me");
			assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
			assertThat(refused.json().get("code").asString()).isEqualTo("invalid-token");
			assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
		}
		HttpJson.Response none = http().get("/api/v1/auth/me");
		assertThat(none.status()).isEqualTo(401);
		assertThat(none.json().get("code").asString()).isEqualTo("unauthenticated");
		assertThat(http().as(good).get("/api/v1/admin/accounts").status()).isEqualTo(403);
	}

	@Test
	void tokensSignedBeforeARotationStayValidAndNewOnesUseTheNewKey() throws Exception {
		String username = newAccount("hrss.sun-" + suffix());
		String before = login(username, "correct-horse-battery", null).json().get("token").asString();
		String oldKid = SignedJWT.parse(before).getHeader().getKeyID();

		HttpJson.Response rotated = admin().post("/api/v1/admin/signing-keys/rotate", "");
		String after = login(username, "correct-horse-battery", null).json().get("token").asString();

		assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
		String newKid = SignedJWT.parse(after).getHeader().getKeyID();
		assertThat(newKid).isEqualTo(rotated.json().get("kid").asString()).isNotEqualTo(oldKid);
		assertThat(http().as(before).get("/api/v1/auth/me").status()).isEqualTo(200);
		assertThat(http().as(after).get("/api/v1/auth/me").status()).isEqualTo(200);
		String jwks = http().get("/oauth2/jwks").body();
		assertThat(jwks).contains(oldKid, newKid).doesNotContain("\"d\"");
		JsonNode discovery = http().get("/.well-known/openid-configuration").json();
		assertThat(discovery.get("issuer").asString()).isEqualTo(ISSUER);
		assertThat(discovery.get("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
	}

	@Test
	void aWorkerSignsInWithTheCodeSentToTheirPhoneOnceAndWithinFiveTries() throws Exception {
		String phone = "139"
				+ String.format("%08d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000_000L));
		SmsGatewayStandIn sms = TestSms.get();

		HttpJson.Response sent = http().post("/api/v1/auth/otp", HttpJson.json(Map.of("phone", phone)));
		String first = code(sms, phone);
		for (int i = 0; i < 5; i++) {
			String wrong = String.format("%06d", (Integer.parseInt(first) + 1 + i) % 1_000_000);
			assertThat(verify(phone, wrong).status()).isEqualTo(401);
		}
		HttpJson.Response exhausted = verify(phone, first);
		http().post("/api/v1/auth/otp", HttpJson.json(Map.of("phone", phone)));
		String second = code(sms, phone);
		HttpJson.Response signedIn = verify(phone, second);
		HttpJson.Response reused = verify(phone, second);

		assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
		assertThat(sent.json().get("sentTo").asString()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
		assertThat(sms.to(phone).get(0).text()).contains(first).contains("5分钟");
		assertThat(exhausted.status()).isEqualTo(401);
		assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
		JWTClaimsSet claims = claims(signedIn.json().get("token").asString());
		assertThat(claims.getSubject()).isEqualTo(TestWorkers.idOf(phone));
		assertThat(claims.getStringListClaim("roles")).containsExactly("WORKER");
		assertThat(reused.status()).isEqualTo(401);
		assertThat(reused.json().get("code").asString()).isEqualTo("invalid-code");
		String log = admin().get("/api/v1/admin/security-events?subject=" + TestWorkers.idOf(phone)).body();
		assertThat(log).doesNotContain(first).doesNotContain(second).doesNotContain(phone);
	}

	@Test
	void limitsHowOftenCodesGoToOnePhone() {
		String phone = "137"
				+ String.format("%08d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000_000L));
		for (int i = 0; i < 5; i++) {
			assertThat(http().post("/api/v1/auth/otp", HttpJson.json(Map.of("phone", phone))).status()).isEqualTo(202);
		}

		HttpJson.Response sixth = http().post("/api/v1/auth/otp", HttpJson.json(Map.of("phone", phone)));
		HttpJson.Response badPhone = http().post("/api/v1/auth/otp", HttpJson.json(Map.of("phone", "12345")));

		assertThat(sixth.status()).isEqualTo(429);
		assertThat(Long.parseLong(sixth.header("Retry-After"))).isBetween(1L, 3600L);
		assertThat(TestSms.get().to(phone)).hasSize(5);
		assertThat(badPhone.status()).isEqualTo(400);
		assertThat(badPhone.json().get("errors").get(0).get("field").asString()).isEqualTo("phone");
	}

	@Test
	void theWebScreensSignInWithTheAuthorizationCodeFlowAndPkce() throws Exception {
		String username = newAccount("hrss.web-" + suffix());
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String verifier = "verifier-" + UUID.randomUUID() + UUID.randomUUID();
		String challenge = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		String authorize = local("/oauth2/authorize?response_type=code&client_id=waystation-web&scope=openid%20profile"
				+ "&redirect_uri=" + encode(CALLBACK) + "&code_challenge=" + challenge
				+ "&code_challenge_method=S256&state=st-1");

		HttpResponse<String> toLogin = browser.send(
				HttpRequest.newBuilder(URI.create(authorize)).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(toLogin.statusCode()).isEqualTo(302);
		HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(local("/login"))).build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.body());
		assertThat(csrf.find()).as(page.body()).isTrue();
		// The page asks for the authenticator code too, for the accounts that have one.
		assertThat(page.body()).contains("name=\"totp\"").contains("<html lang=\"");
		HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(local("/login")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(
					form(Map.of("username", username, "password", "correct-horse-battery", "_csrf", csrf.group(1)))))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		HttpResponse<String> back = browser.send(
				HttpRequest.newBuilder(URI.create(signedIn.headers().firstValue("Location").orElseThrow())).build(),
				HttpResponse.BodyHandlers.ofString());
		String callback = back.headers().firstValue("Location").orElseThrow();
		assertThat(callback).startsWith(CALLBACK).contains("state=st-1");
		String code = callback.replaceAll(".*[?&]code=([^&]+).*", "$1");
		HttpResponse<String> tokens = browser.send(HttpRequest.newBuilder(URI.create(local("/oauth2/token")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "code",
					java.net.URLDecoder.decode(code, StandardCharsets.UTF_8), "redirect_uri", CALLBACK, "client_id",
					"waystation-web", "code_verifier", verifier))))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
		JsonNode body = tools.jackson.databind.json.JsonMapper.builder().build().readTree(tokens.body());
		JWTClaimsSet access = claims(body.get("access_token").asString());
		assertThat(access.getSubject()).isEqualTo(username);
		assertThat(access.getStringListClaim("roles")).containsExactly("STAFF");
		assertThat(claims(body.get("id_token").asString()).getIssuer()).isEqualTo(ISSUER);
		assertThat(http().as(body.get("access_token").asString()).get("/api/v1/auth/me").status()).isEqualTo(200);
	}

	private HttpJson.Response verify(String phone, String code) {
		return http().post("/api/v1/auth/otp/verify", HttpJson.json(Map.of("phone", phone, "code", code)));
	}

	private static String code(SmsGatewayStandIn sms, String phone) {
		List<SmsGatewayStandIn.Message> messages = sms.to(phone);
		String text = messages.get(messages.size() - 1).text();
		return text.replaceAll(".*?(\\d{6}).*", "$1");
	}

	private String local(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
