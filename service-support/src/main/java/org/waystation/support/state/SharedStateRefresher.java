package org.waystation.support.state;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.waystation.support.rounds.Rounds;

/**
 * Refreshes every {@link SharedState} of the service on one thread of its own, one after
 * the other, at the refresh interval; a failing one is logged and tried again next time,
 * and does not hold up the others. Runs only when the service has shared state.
 */
public class SharedStateRefresher extends Rounds {

	private static final Logger log = LoggerFactory.getLogger(SharedStateRefresher.class);

	private final List<SharedState> states;

	private final SharedStateProperties properties;

	public SharedStateRefresher(List<SharedState> states, SharedStateProperties properties) {
		super("shared-state-refresh");
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
	protected Duration interval() {
		return this.properties.refreshInterval();
	}

	@Override
	protected Duration firstDelay() {
		return interval();
	}

	@Override
	protected void round() {
		refreshAll();
	}

	@Override
	public void start() {
		if (!this.states.isEmpty()) {
			super.start();
		}
	}

}
