package org.waystation.local;

import java.util.concurrent.CountDownLatch;

/**
 * {@code ./run.sh}: starts the embedded stack in the foreground and stops it cleanly on
 * Ctrl-C.
 */
public final class LocalStack {

	private LocalStack() {
	}

	public static void main(String[] args) throws InterruptedException {
		if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
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

}
