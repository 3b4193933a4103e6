package org.waystation.department.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.waystation.department.DepartmentApplication;
import org.waystation.testsupport.AnotherInstance;
import org.waystation.testsupport.HttpJson;
import org.waystation.testsupport.ServiceScenario;
import org.waystation.testsupport.TestIssuer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of department-service on one broker and one store: a calendar or policy
 * change an administrator makes through one applies in the other too, without a restart.
 * Subclasses say which infrastructure.
 */
abstract class TwoInstancesScenario extends ServiceScenario {

	/** A Wednesday, declared a holiday for the test. */
	private static final LocalDate DAY_OFF = LocalDate.of(2027, 3, 3);

	@Autowired
	ConfigurableEnvironment environment;

	@Autowired
	SlaPolicies policies;

	@Test
	void aCalendarAndAPolicyChangedThroughOneInstanceApplyInTheOther() {
		HttpJson admin = http().as(TestIssuer.get().admin("admin-wangli"));
		String before = admin.get("/api/v1/admin/calendar").body();
		try (AnotherInstance second = AnotherInstance.of(DepartmentApplication.class, this.environment)) {
			SlaPolicies elsewhere = second.bean(SlaPolicies.class);
			assertThat(elsewhere.calendar().isWorkingDay(DAY_OFF)).isTrue();
			ObjectNode calendar = (ObjectNode) admin.get("/api/v1/admin/calendar").json();
			((ArrayNode) calendar.get("holidays")).add(DAY_OFF.toString());

			assertThat(admin.put("/api/v1/admin/calendar", calendar.toString()).status()).isEqualTo(200);
			assertThat(admin
				.put("/api/v1/admin/sla-policies/education-praise",
						"{\"department\":\"EDUCATION\",\"appealType\":\"PRAISE\",\"signWithin\":\"PT2H\","
								+ "\"resolveWithin\":\"PT9H\",\"clock\":\"WORKING\",\"note\":\"表扬类当日回复\"}")
				.status()).isEqualTo(200);

			assertThat(this.policies.calendar().isWorkingDay(DAY_OFF)).isFalse();
			Awaitility.await("the other instance takes the new calendar and policy")
				.atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> {
					assertThat(elsewhere.calendar().isWorkingDay(DAY_OFF)).isFalse();
					SlaTerms terms = elsewhere.termsFor("EDUCATION", "PRAISE", "NORMAL", Instant.now());
					assertThat(terms.policyId()).isEqualTo("education-praise");
					assertThat(terms.signWithin()).isEqualTo(Duration.ofHours(2));
				});
		}
		finally {
			admin.put("/api/v1/admin/calendar", before);
		}
	}

}
