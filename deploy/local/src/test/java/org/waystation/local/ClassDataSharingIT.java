package org.waystation.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's jar is extracted once and started writing an archive; the archive is kept
 * only when the service stopped when asked, is used by the next start, and is dropped
 * when the jar is rebuilt. On a copy of the gateway's jar.
 */
class ClassDataSharingIT {

	@TempDir
	Path target;

	@Test
	void writesKeepsUsesAndDropsTheArchiveAsTheJarAndTheStopsSay() throws Exception {
		Path built = Path.of("").toAbsolutePath().resolve("../../gateway/target/gateway.jar").normalize();
		assertThat(built).as("the gateway's jar, built before this module").isRegularFile();
		Path jar = Files.copy(built, this.target.resolve("gateway.jar"));
		Path log = this.target.resolve("logs/gateway.log");

		ClassDataSharing.Launch first = ClassDataSharing.prepare(jar, log);
		assertThat(first.jar()).isRegularFile().hasParent(this.target.resolve("cds/gateway"));
		assertThat(first.writing()).isPresent();
		assertThat(first.options()).contains("-XX:+AllowArchivingWithJavaAgent",
				"-XX:ArchiveClassesAtExit=" + first.writing().get());
		assertThat(first.with(java.util.List.of("-Xmx64m"))).containsSubsequence("-Xmx64m",
				"-XX:ArchiveClassesAtExit=" + first.writing().get(), "-jar", first.jar().toString());

		// Cut short: what it wrote is dropped.
		Files.writeString(first.writing().get(), "half an archive");
		assertThat(first.ended(false)).isFalse();
		assertThat(first.writing().get()).doesNotExist();
		assertThat(first.archive()).doesNotExist();

		// Stopped when asked: kept, and the next start maps it without extracting again.
		ClassDataSharing.Launch second = ClassDataSharing.prepare(jar, log);
		assertThat(second.writing()).isPresent().isNotEqualTo(first.writing());
		Instant extractedAt = Files.getLastModifiedTime(second.jar()).toInstant();
		Files.writeString(second.writing().get(), "an archive");
		assertThat(second.ended(true)).isTrue();
		ClassDataSharing.Launch third = ClassDataSharing.prepare(jar, log);
		assertThat(third.writing()).isEmpty();
		assertThat(third.options()).containsExactly("-XX:+UnlockDiagnosticVMOptions",
				"-XX:+AllowArchivingWithJavaAgent", "-XX:SharedArchiveFile=" + second.archive());
		assertThat(Files.getLastModifiedTime(third.jar()).toInstant()).isEqualTo(extractedAt);

		// A rebuilt jar is extracted again and its archive starts over.
		Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
		ClassDataSharing.Launch rebuilt = ClassDataSharing.prepare(jar, log);
		assertThat(rebuilt.writing()).isPresent();
		assertThat(rebuilt.archive()).doesNotExist();
		assertThat(Files.readString(log)).contains("gateway-extract starting");

		// Without class data sharing: the jar as it is, nothing written or kept.
		ClassDataSharing.Launch without = ClassDataSharing.without(jar);
		assertThat(without.with(List.of("-Xmx64m"))).containsExactly("-Xmx64m", "-jar", jar.toString());
		assertThat(without.writing()).isEmpty();
		assertThat(without.ended(true)).isFalse();
	}

	/**
	 * A JVM ignores an archive it cannot use without a word; so a real start writes one
	 * and the next start is asked which classes it mapped from it.
	 */
	@Test
	void theNextStartMapsTheClassesARealStartArchived() throws Exception {
		Path built = Path.of("").toAbsolutePath().resolve("../../gateway/target/gateway.jar").normalize();
		Path jar = Files.copy(built, this.target.resolve("gateway.jar"));
		Path log = this.target.resolve("logs/gateway.log");

		ClassDataSharing.Launch writing = ClassDataSharing.prepare(jar, log);
		// Without its settings the gateway stops soon after Spring has loaded its
		// classes.
		runToTheEnd(writing.with(List.of("-Xmx128m", "-XX:TieredStopAtLevel=1")), log);
		assertThat(writing.ended(true)).isTrue();

		ClassDataSharing.Launch mapping = ClassDataSharing.prepare(jar, log);
		assertThat(mapping.writing()).isEmpty();
		Path loaded = this.target.resolve("class-load.log");
		runToTheEnd(
				mapping.with(List.of("-Xmx128m", "-XX:TieredStopAtLevel=1", "-Xlog:class+load=info:file=" + loaded)),
				log);
		List<String> classes = Files.readAllLines(loaded);
		long fromTheArchive = classes.stream().filter((line) -> line.contains("shared objects file (top)")).count();
		assertThat(fromTheArchive).as("classes mapped from the service's archive, of %d loaded", classes.size())
			.isGreaterThan(classes.size() / 2);
	}

	private static void runToTheEnd(List<String> options, Path log) throws Exception {
		ChildProcess child = ChildProcess.start("gateway", ChildProcess.java(options, "--server.port=0"), log);
		child.awaitExit(Duration.ofMinutes(2));
		// Stopped when asked if it is still running; an archive is written either way.
		child.stop(Duration.ofMinutes(1));
		assertThat(child.isAlive()).isFalse();
	}

}
