package org.waystation.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Class data sharing for a service: the classes it loaded are written to an archive when
 * it is stopped, and its later starts map them from the archive instead of reading,
 * parsing and verifying them again (on two cores, where six services start at once, that
 * work is most of a start). A Spring Boot jar's nested jars cannot be archived, so the
 * jar is first extracted beside it ({@code java -Djarmode=tools -jar … extract}, into
 * {@code target/cds/}); the archive is kept there too, so a rebuilt jar, or another JDK,
 * starts over. An archive is only kept when the service stopped when asked: one cut short
 * is dropped.
 */
final class ClassDataSharing {

	/** A leftover part older than this was not finished by any running service. */
	private static final Duration STALE_PART = Duration.ofHours(1);

	private static final Duration EXTRACT_TIMEOUT = Duration.ofMinutes(2);

	private ClassDataSharing() {
	}

	/**
	 * How to start the service from the jar: with the archive when there is a current
	 * one, otherwise writing one.
	 * @param jar the service's Spring Boot jar
	 * @param log where the extraction's output goes
	 */
	static Launch prepare(Path jar, Path log) throws IOException {
		Path directory = jar.toAbsolutePath().getParent().resolve("cds");
		Files.createDirectories(directory);
		String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
		Path extracted = directory.resolve(name).resolve(jar.getFileName());
		Path archive = directory.resolve(name + ".jsa");
		try (FileChannel channel = FileChannel.open(directory.resolve(name + ".lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
			if (!newer(extracted, jar)) {
				extract(jar, directory, name, log);
			}
			dropStaleParts(directory, name);
			Path jdk = Path.of(System.getProperty("java.home"), "lib", "modules");
			if (newer(archive, extracted) && newer(archive, jdk)) {
				return new Launch(options("-XX:SharedArchiveFile=" + archive), extracted, archive, Optional.empty());
			}
		}
		Path part = directory.resolve(name + ".jsa." + UUID.randomUUID() + ".part");
		return new Launch(options("-XX:ArchiveClassesAtExit=" + part), extracted, archive, Optional.of(part));
	}

	/**
	 * The options of a start that writes or maps an archive. The parent-watch agent is
	 * loaded too, and the JDK writes such an archive only when told; a start whose
	 * setting differs from the archive's silently maps nothing, so both kinds of start
	 * say so.
	 */
	private static List<String> options(String archive) {
		return List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+AllowArchivingWithJavaAgent", archive);
	}

	/** How to start the service from its jar as it is, without class data sharing. */
	static Launch without(Path jar) {
		return new Launch(List.of(), jar, null, Optional.empty());
	}

	/**
	 * Extracts the jar into a fresh directory and then puts it in place, so that a
	 * half-extracted jar is never started.
	 */
	private static void extract(Path jar, Path directory, String name, Path log) throws IOException {
		Path fresh = directory.resolve(name + "." + UUID.randomUUID() + ".extracting");
		ChildProcess.run(name + "-extract", ChildProcess.java(List.of("-Djarmode=tools", "-jar", jar.toString()),
				"extract", "--destination", fresh.toString()), log, EXTRACT_TIMEOUT);
		Path target = directory.resolve(name);
		deleteTree(target);
		Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
		// The archive belongs to the jar it was written from.
		Files.deleteIfExists(directory.resolve(name + ".jsa"));
	}

	private static void dropStaleParts(Path directory, String name) throws IOException {
		Instant before = Instant.now().minus(STALE_PART);
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.toList()) {
				String fileName = file.getFileName().toString();
				boolean leftover = (fileName.startsWith(name + ".jsa.") && fileName.endsWith(".part"))
						|| (fileName.startsWith(name + ".") && fileName.endsWith(".extracting"));
				if (leftover && Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
					deleteTree(file);
				}
			}
		}
	}

	private static boolean newer(Path file, Path than) throws IOException {
		if (!Files.isRegularFile(file)) {
			return false;
		}
		FileTime other = Files.isRegularFile(than) ? Files.getLastModifiedTime(than) : FileTime.fromMillis(0);
		return Files.getLastModifiedTime(file).compareTo(other) >= 0;
	}

	private static void deleteTree(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> all = Files.walk(path)) {
			for (Path file : all.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
	}

	/**
	 * A service's start, with class data sharing or {@link #without} it.
	 *
	 * @param options the JVM options it adds
	 * @param jar the extracted jar to run
	 * @param archive the archive, current or to be written ({@code null} without class
	 * data sharing)
	 * @param writing where this start writes its archive when it ends, if it writes one
	 */
	record Launch(List<String> options, Path jar, Path archive, Optional<Path> writing) {

		/**
		 * After the service has ended: keeps the archive it wrote if it stopped when
		 * asked, drops it otherwise. Never fails the stop: an archive that cannot be kept
		 * only means that the next start writes one again.
		 * @return whether an archive was kept
		 */
		boolean ended(boolean stoppedWhenAsked) {
			if (this.writing.isEmpty()) {
				return false;
			}
			Path part = this.writing.get();
			try {
				if (stoppedWhenAsked && Files.isRegularFile(part) && Files.size(part) > 0) {
					Files.move(part, this.archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
					return true;
				}
				Files.deleteIfExists(part);
				return false;
			}
			catch (IOException ex) {
				System.err.println("Could not keep the class data archive " + part + ": " + ex.getMessage());
				return false;
			}
		}

		/** The command line's options with this launch's, before {@code -jar}. */
		List<String> with(List<String> serviceOptions) {
			List<String> all = new ArrayList<>(serviceOptions);
			all.addAll(this.options);
			all.add("-jar");
			all.add(this.jar.toString());
			return all;
		}

	}

}
