package org.waystation.testsupport;

import org.waystation.support.privacy.WorkerIds;

/** Worker ids as the services under test derive them from phone numbers. */
public final class TestWorkers {

	private static final WorkerIds IDS = new WorkerIds(InfrastructureInitializer.TEST_WORKER_ID_KEY);

	private TestWorkers() {
	}

	/** The command-line argument that gives a service started by hand the tests' key. */
	public static String keyArgument() {
		return "--waystation.privacy.worker-id-key=" + InfrastructureInitializer.TEST_WORKER_ID_KEY;
	}

	public static String idOf(String phone) {
		return IDS.of(phone);
	}

	/** A worker's token, for the phone they signed in with. */
	public static String token(String phone) {
		return TestIssuer.get().worker(idOf(phone));
	}

}
