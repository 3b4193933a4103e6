package org.waystation.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Resident memory of the stack's processes, from their pid files and /proc. */
final class ProcessMemory {

	private ProcessMemory() {
	}

	/** Resident set size in MiB per process that is alive. */
	static Map<String, Double> residentMib(Path dataDir) {
		Map<String, Double> sizes = new TreeMap<>();
		pids(dataDir).forEach((name, pid) -> {
			try {
				for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
					if (line.startsWith("VmRSS:")) {
						sizes.put(name, Long.parseLong(line.replaceAll("\\D", "")) / 1024.0);
					}
				}
			}
			catch (IOException | NumberFormatException ex) {
				// The process ended between listing and reading: not part of the stack
				// now.
			}
		});
		return sizes;
	}

	/** The stack's processes by name, from the launcher's pid files. */
	static Map<String, String> pids(Path dataDir) {
		Map<String, String> pids = new TreeMap<>();
		Path directory = dataDir.resolve("pids");
		if (!Files.isDirectory(directory)) {
			return pids;
		}
		try (Stream<Path> files = Files.list(directory)) {
			files.filter((file) -> file.getFileName().toString().endsWith(".pid")).forEach((file) -> {
				try {
					pids.put(file.getFileName().toString().replace(".pid", ""), Files.readString(file).trim());
				}
				catch (IOException ex) {
					// Removed while listing: that process has stopped.
				}
			});
		}
		catch (IOException ex) {
			return pids;
		}
		return pids;
	}

	/** The larger of each process's two sizes. */
	static Map<String, Double> max(Map<String, Double> a, Map<String, Double> b) {
		Map<String, Double> max = new TreeMap<>(a);
		b.forEach((name, size) -> max.merge(name, size, Math::max));
		return max;
	}

}
