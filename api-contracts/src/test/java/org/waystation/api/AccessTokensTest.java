package org.waystation.api;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTokensTest {

	private static final String ISSUER = "https://identity.example.gov.cn";

	@Test
	void acceptsATokenOfTheIssuerWithinItsTimeAndOneOfTheAudiences() {
		assertThat(AccessTokens.validator(ISSUER, List.of("waystation"))
			.validate(token(ISSUER, "waystation", 300))
			.hasErrors()).isFalse();
		assertThat(AccessTokens.validator(ISSUER, List.of()).validate(token(ISSUER, "anything", 300)).hasErrors())
			.isFalse();
	}

	@Test
	void refusesAnotherIssuerAnotherAudienceOrAnExpiredToken() {
		assertThat(
				AccessTokens.validator(ISSUER, List.of()).validate(token("https://evil.example", "x", 300)).hasErrors())
			.isTrue();
		assertThat(AccessTokens.validator(ISSUER, List.of("waystation"))
			.validate(token(ISSUER, "other-app", 300))
			.hasErrors()).isTrue();
		assertThat(AccessTokens.validator(ISSUER, List.of()).validate(token(ISSUER, "x", -300)).hasErrors()).isTrue();
	}

	@Test
	void keepsOnlyUsableCorrelationIdsAndGivesProblemBodiesTheirCode() {
		assertThat(CorrelationId.valid("app-1:req.42")).contains("app-1:req.42");
		assertThat(CorrelationId.valid("bad id\n")).isEmpty();
		assertThat(CorrelationId.valid("x".repeat(65))).isEmpty();
		assertThat(ProblemBody.of(429, "Too Many Requests", "rate-limited", "Slow down")).containsEntry("status", 429)
			.containsEntry("code", "rate-limited")
			.containsKeys("type", "title", "detail");
	}

	private static Jwt token(String issuer, String audience, long expiresInSeconds) {
		Instant now = Instant.now();
		return Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.issuer(issuer)
			.audience(List.of(audience))
			.subject("staff.hrss")
			.issuedAt(now.minusSeconds(600))
			.expiresAt(now.plusSeconds(expiresInSeconds))
			.build();
	}

}
