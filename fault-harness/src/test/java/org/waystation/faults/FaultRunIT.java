package org.waystation.faults;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short fault run of the build: a few hundred appeals while each service of the
 * pipeline, the Kafka broker and the launcher are killed once and a consumer is frozen:
 * nothing accepted may be lost, doubled or stuck.
 */
class FaultRunIT {

	@Test
	void everyAcceptedAppealReachesItsCaseOnceThroughEveryFault() throws Exception {
		Options options = new Options(300, 5, Duration.ofSeconds(20), false,
				Path.of("..").toAbsolutePath().normalize());

		FaultRun.Report report = FaultRun.run(options);
		System.out.print(report.text());

		Checks.Result result = report.result();
		assertThat(result.accepted()).isGreaterThanOrEqualTo(300);
		assertThat(report.signed()).as("cases signed for during the run").isPositive();
		assertThat(result.examples()).as("what went wrong").isEmpty();
		assertThat(result.lost()).isZero();
		assertThat(result.duplicated()).isZero();
		assertThat(result.stuck()).isZero();
		assertThat(result.inconsistent()).isZero();
		assertThat(result.duplicateTexts()).isZero();
		assertThat(result.lag()).isZero();
		assertThat(report.recoveries()).hasSize(7)
			.allSatisfy((fault, took) -> assertThat(took).as(fault).isLessThan(FaultRun.RECOVERY_LIMIT));
	}

}
