package org.waystation.local;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackConfigTest {

	@Test
	void usesTheDocumentedPortsByDefault() {
		StackConfig config = StackConfig.from(new String[0], Map.of());

		assertThat(config.gatewayPort()).isEqualTo(8080);
		assertThat(config.intakePort()).isEqualTo(8081);
		assertThat(config.notificationPort()).isEqualTo(8084);
		assertThat(config.kafkaPort()).isEqualTo(9092);
		assertThat(config.mongoPort()).isEqualTo(27017);
		assertThat(config.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
		assertThat(config.classDataSharing()).isTrue();
	}

	@Test
	void classDataSharingCanBeTurnedOffAndTakesOnlyOnOrOff() {
		assertThat(StackConfig.from(new String[] { "--class-data-sharing=off" }, Map.of()).classDataSharing())
			.isFalse();
		assertThat(StackConfig.from(new String[0], Map.of("WS_CLASS_DATA_SHARING", "off")).classDataSharing())
			.isFalse();
		assertThatThrownBy(() -> StackConfig.from(new String[] { "--class-data-sharing=yes" }, Map.of()))
			.hasMessageContaining("--class-data-sharing must be on or off, got yes");
	}

	@Test
	void thePipelineRunsAtTheSamePriorityUnlessToldAWholeNumberFromZeroToNineteen() {
		assertThat(StackConfig.from(new String[0], Map.of()).pipelineNice()).isZero();
		assertThat(StackConfig.from(new String[] { "--pipeline-nice=5" }, Map.of()).pipelineNice()).isEqualTo(5);
		assertThat(StackConfig.from(new String[0], Map.of("WS_PIPELINE_NICE", "19")).pipelineNice()).isEqualTo(19);
		assertThatThrownBy(() -> StackConfig.from(new String[] { "--pipeline-nice=20" }, Map.of()))
			.hasMessageContaining("--pipeline-nice must be a whole number from 0 to 19, got 20");
		assertThatThrownBy(() -> StackConfig.from(new String[] { "--pipeline-nice=-1" }, Map.of()))
			.hasMessageContaining("got -1");
		assertThatThrownBy(() -> StackConfig.from(new String[] { "--pipeline-nice=low" }, Map.of()))
			.hasMessageContaining("got low");
	}

	@Test
	void letsArgumentsOverrideEnvironmentVariablesOverrideDefaults() {
		StackConfig config = StackConfig.from(new String[] { "--gateway-port=9080", "--home=/opt/waystation" },
				Map.of("WS_GATEWAY_PORT", "7080", "WS_KAFKA_PORT", "19092"));

		assertThat(config.gatewayPort()).isEqualTo(9080);
		assertThat(config.kafkaPort()).isEqualTo(19092);
		assertThat(config.home()).isEqualTo(Path.of("/opt/waystation"));
		assertThat(config.dataDir()).isEqualTo(Path.of("/opt/waystation/data"));
		assertThat(config.serviceJar("gateway")).isEqualTo(Path.of("/opt/waystation/gateway/target/gateway.jar"));
	}

	@Test
	void refusesUnknownOptionsAndBadPorts() {
		assertThatThrownBy(() -> StackConfig.from(new String[] { "--gateway=1" }, Map.of()))
			.hasMessageContaining("Unknown option --gateway");
		assertThatThrownBy(() -> StackConfig.from(new String[] { "--kafka-port=99999" }, Map.of()))
			.hasMessageContaining("--kafka-port must be a port number");
		assertThatThrownBy(() -> StackConfig.from(new String[0], Map.of("WS_MONGO_PORT", "mongo")))
			.hasMessageContaining("--mongo-port");
	}

}
