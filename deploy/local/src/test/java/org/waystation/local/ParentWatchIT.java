package org.waystation.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A child JVM started the launcher's way outlives neither a parent that stops nor one
 * killed with SIGKILL: it shuts down within seconds.
 */
class ParentWatchIT {

	/** A child that would run for ten minutes if nothing stopped it. */
	public static final class Sleeper {

		public static void main(String[] args) throws InterruptedException {
			new CountDownLatch(1).await(10, TimeUnit.MINUTES);
		}

	}

	@Test
	void aChildStopsOnceItsLauncherIsKilled() throws Exception {
		Path agent = ChildProcess.parentWatchAgent()
			.orElseThrow(() -> new AssertionError(
					"the parent-watch agent jar is built in the package phase, before this test"));
		// A stand-in for the launcher: a process that can be killed without killing the
		// test.
		Process launcher = new ProcessBuilder("sleep", "600").start();
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-javaagent:" + agent + "=" + launcher.pid(), "-Xmx32m", "-cp", System.getProperty("java.class.path"),
				Sleeper.class.getName())
			.redirectErrorStream(true)
			.start();
		try {
			// Runs while its launcher does.
			Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(child::isAlive);

			launcher.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !child.isAlive());
			assertThat(child.exitValue()).isEqualTo(143);
			assertThat(new String(child.getInputStream().readAllBytes())).contains("is gone: shutting down");
		}
		finally {
			child.destroyForcibly();
			launcher.destroyForcibly();
		}
	}

	@Test
	void theLauncherGivesEveryChildTheAgent() {
		List<String> command = ChildProcess.java(List.of("-Xmx64m"), "-jar", "service.jar");

		assertThat(command).anyMatch((part) -> part.startsWith("-javaagent:")
				&& part.endsWith("waystation-local-parent-watch.jar=" + ProcessHandle.current().pid()));
		assertThat(command.indexOf("-Xmx64m")).isGreaterThan(1);
	}

}
