package org.waystation.local;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A Java agent the launcher gives every child JVM (the services, the gateway, Kafka), so
 * that no child outlives it: when the launcher's process is gone — stopped, crashed or
 * killed with {@code kill -9} — the child shuts down as on SIGTERM, and is halted if that
 * takes longer than {@link #GRACE}. A next {@code ./run.sh} then finds every port free.
 * Packed alone in {@code waystation-local-parent-watch.jar}, so that nothing else of the
 * launcher lands on a child's class path.
 */
public final class ParentWatch {

	static final Duration GRACE = Duration.ofSeconds(5);

	private ParentWatch() {
	}

	/**
	 * @param arguments the process id of the launcher
	 */
	public static void premain(String arguments) {
		long parent = Long.parseLong(arguments.strip());
		ProcessHandle.of(parent)
			.map(ProcessHandle::onExit)
			.orElseGet(() -> CompletableFuture.completedFuture(null))
			.thenRun(() -> stop(parent));
	}

	private static void stop(long parent) {
		System.err.println("The launcher (process " + parent + ") is gone: shutting down");
		CompletableFuture.delayedExecutor(GRACE.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
			System.err.println("Not stopped within " + GRACE.toSeconds() + " s: halting");
			Runtime.getRuntime().halt(143);
		});
		// Not on the thread that completed the wait: System.exit blocks until the hooks
		// ran.
		Thread exit = new Thread(() -> System.exit(143), "parent-watch-exit");
		exit.setDaemon(true);
		exit.start();
	}

}
