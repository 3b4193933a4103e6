package org.waystation.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for a stack of its own (the tests, the fault run): below the
 * ephemeral range (32768 and up on Linux), so that no outgoing connection of the stack's
 * own processes takes one before its server binds it, and never the same one twice in a
 * JVM.
 */
public final class FreePorts {

	private static final Set<Integer> CHOSEN = new HashSet<>();

	private FreePorts() {
	}

	public static synchronized int next() throws IOException {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int attempt = 0; attempt < 200; attempt++) {
			int port = 20000 + random.nextInt(12000);
			if (!CHOSEN.add(port)) {
				continue;
			}
			try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
				return socket.getLocalPort();
			}
			catch (IOException ex) {
				// Taken: try another.
			}
		}
		throw new IOException("No free port found between 20000 and 32000");
	}

}
