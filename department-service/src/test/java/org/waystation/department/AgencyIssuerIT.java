package org.waystation.department;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.waystation.standins.IssuerStandIn;
import org.waystation.testsupport.EmbeddedInfrastructure;
import org.waystation.testsupport.HttpJson;
import org.waystation.testsupport.TestIssuer;
import org.waystation.testsupport.TestWorkers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agency that signs its staff in with its own OpenID Connect issuer: the service is
 * told to trust that issuer (and only it), and which of its claims say the roles, the
 * department and the name.
 */
class AgencyIssuerIT {

	@Test
	void trustsTheAgencysIssuerReadingItsOwnClaimNames() {
		IssuerStandIn agency = new IssuerStandIn("https://sso.rsj.example.gov.cn");
		EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.get();
		try (ConfigurableApplicationContext service = new SpringApplicationBuilder(DepartmentApplication.class).run(
				"--server.port=0", "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
				"--spring.mongodb.uri=" + infrastructure.mongoUri("department-agency"),
				"--spring.kafka.consumer.group-id=department-agency", TestWorkers.keyArgument(),
				"--waystation.security.issuers[0].issuer=" + agency.name(),
				"--waystation.security.issuers[0].jwk-set-uri=" + agency.jwkSetUri(),
				"--waystation.security.issuers[0].claims.roles=groups",
				"--waystation.security.issuers[0].claims.department=dept",
				"--waystation.security.issuers[0].claims.name=display_name")) {
			HttpJson http = new HttpJson(
					"http://127.0.0.1:" + ((WebServerApplicationContext) service).getWebServer().getPort());
			String agencyStaff = agency.token("rsj-000123")
				.claim("groups", List.of("staff", "employees"))
				.claim("dept", "HRSS")
				.claim("display_name", "王建国")
				.sign();
			String agencyTransport = agency.token("jtj-000456")
				.claim("groups", "staff")
				.claim("dept", "TRANSPORT")
				.sign();

			assertThat(http.as(agencyStaff).get("/api/v1/departments/HRSS/cases").status()).isEqualTo(200);
			assertThat(http.as(agencyTransport).get("/api/v1/departments/HRSS/cases").status()).isEqualTo(403);
			assertThat(
					http.as(TestIssuer.get().staff("hrss.wang", "HRSS")).get("/api/v1/departments/HRSS/cases").status())
				.as("an issuer it was not told to trust")
				.isEqualTo(401);
		}
	}

}
