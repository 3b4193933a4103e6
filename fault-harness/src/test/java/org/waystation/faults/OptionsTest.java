package org.waystation.faults;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTest {

	@Test
	void readsTheRunsSizeRateDowntimeAndFaults() {
		Options options = Options
			.parse(new String[] { "--appeals=300", "--rate=10", "--down=20s", "--faults=pipeline" });

		assertThat(options.appeals()).isEqualTo(300);
		assertThat(options.rate()).isEqualTo(10);
		assertThat(options.down()).isEqualTo(Duration.ofSeconds(20));
		assertThat(options.allServices()).isFalse();
		assertThat(Options.parse(new String[0]).down()).isEqualTo(Duration.ofMinutes(2));
	}

	@Test
	void refusesWhatItDoesNotKnow() {
		assertThatThrownBy(() -> Options.parse(new String[] { "--faults=some" })).hasMessageContaining("--faults");
		assertThatThrownBy(() -> Options.parse(new String[] { "--rate=0" })).hasMessageContaining("--rate");
		assertThatThrownBy(() -> Options.parse(new String[] { "--appeals=many" })).hasMessageContaining("--appeals");
		assertThatThrownBy(() -> Options.parse(new String[] { "--speed=1" })).hasMessageContaining("Unknown option");
	}

}
