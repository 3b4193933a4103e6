package org.waystation.local;

import java.time.Duration;

/**
 * A Java agent the launcher gives every child JVM (the services, the gateway, Kafka), so
 * that no child outlives it: when the launcher's process is gone — stopped, crashed or
 * killed with {@code kill -9} — the child shuts down as on SIGTERM, and is halted if that
 * takes longer than {@link #GRACE}. A next {@code ./run.sh} then finds every port free.
 * Packed alone in {@code waystation-local-parent-watch.jar}, so that nothing else of the
 * launcher lands on a child's class path.
 */
public final class ParentWatch {

	static final Duration POLL = Duration.ofMillis(500);

	static final Duration GRACE = Duration.ofSeconds(5);

	private ParentWatch() {
	}

	/**
	 * @param arguments the process id of the launcher
	 */
	public static void premain(String arguments) {
		long parent = Long.parseLong(arguments.strip());
		Thread watch = new Thread(() -> watch(parent), "parent-watch");
		watch.setDaemon(true);
		watch.start();
	}

	private static void watch(long parent) {
		while (ProcessHandle.of(parent).map(ProcessHandle::isAlive).orElse(false)) {
			try {
				Thread.sleep(POLL.toMillis());
			}
			catch (InterruptedException ex) {
				return;
			}
		}
		System.err.println("The launcher (process " + parent + ") is gone: shutting down");
		Thread halt = new Thread(() -> {
			try {
				Thread.sleep(GRACE.toMillis());
			}
			catch (InterruptedException ex) {
				// Halt at once.
			}
			System.err.println("Not stopped within " + GRACE.toSeconds() + " s: halting");
			Runtime.getRuntime().halt(143);
		}, "parent-watch-halt");
		halt.setDaemon(true);
		halt.start();
		System.exit(143);
	}

}
