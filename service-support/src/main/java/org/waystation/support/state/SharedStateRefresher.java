package org.waystation.support.state;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Refreshes every {@link SharedState} of the service on one thread of its own, one after
 * the other, at the refresh interval; a failing one is logged and tried again next time,
 * and does not hold up the others. Runs only when the service has shared state.
 */
public class SharedStateRefresher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SharedStateRefresher.class);

	private final List<SharedState> states;

	private final SharedStateProperties properties;

	private volatile ScheduledExecutorService scheduler;

	public SharedStateRefresher(List<SharedState> states, SharedStateProperties properties) {
		this.states = List.copyOf(states);
		this.properties = properties;
	}

	/** Refreshes each shared state once, now. */
	public void refreshAll() {
		for (SharedState state : this.states) {
			try {
				state.refresh();
			}
			catch (RuntimeException ex) {
				log.warn("Could not refresh {} from the store: {}", state.getClass().getSimpleName(), ex.toString());
			}
		}
	}

	@Override
	public void start() {
		if (this.states.isEmpty()) {
			return;
		}
		long interval = this.properties.refreshInterval().toMillis();
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "shared-state-refresh");
			thread.setDaemon(true);
			return thread;
		});
		started.scheduleWithFixedDelay(this::refreshAll, interval, interval, TimeUnit.MILLISECONDS);
		this.scheduler = started;
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = this.scheduler;
		this.scheduler = null;
		if (running == null) {
			return;
		}
		running.shutdown();
		try {
			running.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

}
