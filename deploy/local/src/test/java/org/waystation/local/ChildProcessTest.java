package org.waystation.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ChildProcessTest {

	@Test
	void aJavaChildRunsThatMuchNicerThanItsParent(@TempDir Path logs) throws Exception {
		assumeTrue(ChildProcess.nice().isPresent() && Files.isReadable(Path.of("/proc/self/stat")),
				"needs nice and /proc (Linux)");
		String classes = Path.of(NiceValue.class.getProtectionDomain().getCodeSource().getLocation().toURI())
			.toString();

		ChildProcess.run("nicer", ChildProcess.java(7, List.of(), "-cp", classes, NiceValue.class.getName()),
				logs.resolve("nicer.log"), Duration.ofSeconds(60));
		ChildProcess.run("as-nice", ChildProcess.java(0, List.of(), "-cp", classes, NiceValue.class.getName()),
				logs.resolve("as-nice.log"), Duration.ofSeconds(60));

		assertThat(Files.readAllLines(logs.resolve("nicer.log"))).contains("nice " + Math.min(19, NiceValue.own() + 7));
		assertThat(Files.readAllLines(logs.resolve("as-nice.log"))).contains("nice " + NiceValue.own());
	}

	@Test
	void onlyThePipelineServicesRunNicer() {
		StackConfig config = StackConfig.from(new String[] { "--pipeline-nice=9" }, Map.of());

		assertThat(Service.niceness(config, "routing-service")).isEqualTo(9);
		assertThat(Service.niceness(config, "department-service")).isEqualTo(9);
		assertThat(Service.niceness(config, "notification-service")).isEqualTo(9);
		assertThat(Service.niceness(config, "intake-service")).isZero();
		assertThat(Service.niceness(config, "identity-service")).isZero();
		assertThat(Service.niceness(config, "gateway")).isZero();
	}

	/** Prints the nice value it runs at, from {@code /proc/self/stat}. */
	static final class NiceValue {

		public static void main(String[] args) throws Exception {
			System.out.println("nice " + own());
		}

		static int own() throws java.io.IOException {
			String stat = Files.readString(Path.of("/proc/self/stat"));
			// The fields after the command's name (in brackets, and it may hold spaces):
			// the state is field 3, the nice value field 19.
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Integer.parseInt(fields[19 - 3]);
		}

	}

}
