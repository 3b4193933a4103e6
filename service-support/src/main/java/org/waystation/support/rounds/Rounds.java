package org.waystation.support.rounds;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Work done in rounds on its own daemon thread, the first when the application starts
 * (unless {@link #firstDelay()} says otherwise) and each next one a fixed delay after the
 * last ended, until the application stops. A round that fails is logged, and the next one
 * runs as planned.
 */
public abstract class Rounds implements SmartLifecycle {

	private final Logger log = LoggerFactory.getLogger(getClass());

	private final String name;

	private volatile ScheduledExecutorService executor;

	/**
	 * @param name the thread's name, also in the log
	 */
	protected Rounds(String name) {
		this.name = name;
	}

	/** The delay from the end of one round to the start of the next. */
	protected abstract Duration interval();

	/** The delay from the start to the first round: none unless overridden. */
	protected Duration firstDelay() {
		return Duration.ZERO;
	}

	/** One round. */
	protected abstract void round();

	@Override
	public void start() {
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, this.name);
			thread.setDaemon(true);
			return thread;
		});
		started.scheduleWithFixedDelay(() -> {
			try {
				round();
			}
			catch (RuntimeException ex) {
				this.log.warn("{} round failed, retried next round: {}", this.name, ex.getMessage());
			}
		}, firstDelay().toMillis(), interval().toMillis(), TimeUnit.MILLISECONDS);
		this.executor = started;
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = this.executor;
		if (running == null) {
			return;
		}
		running.shutdownNow();
		try {
			running.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		ScheduledExecutorService running = this.executor;
		return running != null && !running.isShutdown();
	}

}
