package org.waystation.benchmark;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTest {

	@Test
	void defaultsToTwoHundredAppealsPerSecondForTwoMinutes() {
		Options options = Options.parse(new String[0]);

		assertThat(options.rate()).isEqualTo(200);
		assertThat(options.duration()).isEqualTo(Duration.ofMinutes(2));
		assertThat(options.gateway()).isEqualTo("http://127.0.0.1:8080");
	}

	@Test
	void readsDurationsAsPeopleWriteThem() {
		assertThat(Options.duration("90s")).isEqualTo(Duration.ofSeconds(90));
		assertThat(Options.duration("2m")).isEqualTo(Duration.ofMinutes(2));
		assertThat(Options.duration("500ms")).isEqualTo(Duration.ofMillis(500));
		assertThat(Options.duration("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
		assertThatThrownBy(() -> Options.duration("2h")).hasMessageContaining("120s");
	}

	@Test
	void refusesArgumentsItDoesNotKnow() {
		assertThatThrownBy(() -> Options.parse(new String[] { "--speed=fast" })).hasMessageContaining("--speed");
		assertThat(Options.parse(new String[] { "--rate=0", "--concurrency=128" }).concurrency()).isEqualTo(128);
		assertThat(Options.help()).contains("--rate", "--duration", "open model".isEmpty() ? "" : "--concurrency");
	}

}
