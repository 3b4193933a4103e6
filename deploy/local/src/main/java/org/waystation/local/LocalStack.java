package org.waystation.local;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./run.sh}: starts the embedded stack in the foreground and stops it cleanly on
 * Ctrl-C.
 */
public final class LocalStack {

	private LocalStack() {
	}

	public static void main(String[] args) throws InterruptedException {
		if (asksForHelp(args)) {
			System.out.println("Usage: ./run.sh [--option=value ...]\nOptions (or WS_* environment variables):");
			StackConfig.DEFAULTS.forEach((key, value) -> System.out.printf("  --%-24s WS_%-24s default %s%n", key,
					key.toUpperCase().replace('-', '_'), value));
			return;
		}
		StackConfig config;
		try {
			config = StackConfig.from(args, System.getenv());
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		Stack stack = new Stack(config, System.out);
		CountDownLatch stopped = new CountDownLatch(1);
		// Registered before anything starts, so Ctrl-C while starting stops what has
		// started.
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			System.out.println("Stopping Waystation...");
			stack.close();
			System.out.println("Stopped.");
			stopped.countDown();
		}, "stack-stop"));
		try {
			stack.start();
		}
		catch (RuntimeException ex) {
			System.err.println("Waystation could not start: " + ex.getMessage());
			System.exit(1);
			return;
		}
		stopped.await();
	}

	/**
	 * Whether the arguments ask for the usage text: {@code run.sh} puts {@code --home}
	 * before the caller's own arguments, so {@code --help} is looked for among all of
	 * them.
	 */
	static boolean asksForHelp(String[] args) {
		return Arrays.stream(args).anyMatch((arg) -> arg.equals("--help") || arg.equals("-h"));
	}

}
