package org.waystation.faults;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Waiting on the stack's state (Awaitility), never for a fixed time. */
final class Waits {

	private Waits() {
	}

	/**
	 * Polls until the value satisfies the condition; after the timeout, the last value
	 * read, whatever it is, for the caller to judge. A read that fails (a part starting
	 * again) is tried again.
	 */
	static <T> T until(Duration timeout, Duration poll, Callable<T> read, Predicate<T> done) throws Exception {
		if (timeout.isZero()) {
			return read.call();
		}
		try {
			return Awaitility.await().atMost(timeout).pollInterval(poll).ignoreExceptions().until(read, done::test);
		}
		catch (ConditionTimeoutException ex) {
			return read.call();
		}
	}

	/** Polls until the condition holds; false when the time is up first. */
	static boolean until(Duration timeout, Duration poll, Callable<Boolean> condition) {
		try {
			Awaitility.await().atMost(timeout).pollInterval(poll).ignoreExceptions().until(condition);
			return true;
		}
		catch (ConditionTimeoutException ex) {
			return false;
		}
	}

}
