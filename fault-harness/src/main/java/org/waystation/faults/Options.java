package org.waystation.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * What a fault run does.
 *
 * @param appeals how many accepted appeals the stream goes on to, at least
 * @param rate appeals a second
 * @param down how long one service stays frozen (SIGSTOP) while appeals keep coming
 * @param allServices every service and the gateway killed in turn, or only those that
 * carry an appeal to its case (intake, routing, department, notification)
 * @param home the checkout, where the jars are built
 */
record Options(int appeals, int rate, Duration down, boolean allServices, Path home) {

	static Options parse(String[] args) {
		int appeals = 5000;
		int rate = 8;
		Duration down = Duration.ofMinutes(2);
		boolean all = true;
		Path home = Path.of(".");
		for (String arg : args) {
			String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
			try {
				if (arg.startsWith("--appeals=")) {
					appeals = Integer.parseInt(value);
				}
				else if (arg.startsWith("--rate=")) {
					rate = Integer.parseInt(value);
				}
				else if (arg.startsWith("--down=")) {
					down = Duration.parse("PT" + value.toUpperCase());
				}
				else if (arg.startsWith("--faults=")) {
					if (!value.equals("all") && !value.equals("pipeline")) {
						throw new IllegalArgumentException("--faults must be all or pipeline, got " + value);
					}
					all = value.equals("all");
				}
				else if (arg.startsWith("--home=")) {
					home = Path.of(value);
				}
				else {
					throw new IllegalArgumentException("Unknown option " + arg
							+ "; known: --appeals=5000 --rate=8 --down=2m --faults=all|pipeline --home=.");
				}
			}
			catch (NumberFormatException | DateTimeParseException ex) {
				throw new IllegalArgumentException("Cannot read " + arg + ": " + ex.getMessage(), ex);
			}
		}
		if (appeals < 1 || rate < 1 || rate > 500 || down.isNegative()) {
			throw new IllegalArgumentException(
					"--appeals and --rate must be positive (rate at most 500), --down not negative");
		}
		return new Options(appeals, rate, down, all, home.toAbsolutePath().normalize());
	}

}
