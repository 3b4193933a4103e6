package org.waystation.local;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The local stack's secrets, made on its first start and kept in the data directory
 * (readable by its owner only), so that a restart keeps them and no secret is built into
 * the code: the key worker ids are derived with, the identity service's encryption and
 * code keys, and the API keys of the SMS and IM stand-ins. They reach the services as
 * environment variables, never on a command line.
 */
final class LocalSecrets {

	static final String FILE = "secrets.properties";

	private static final SecureRandom RANDOM = new SecureRandom();

	private LocalSecrets() {
	}

	/** The secrets, made now for those the file does not hold yet. */
	static Map<String, String> loadOrCreate(Path dataDir) throws IOException {
		Path file = dataDir.resolve(FILE);
		Properties stored = new Properties();
		if (Files.exists(file)) {
			try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				stored.load(in);
			}
		}
		Map<String, String> secrets = new LinkedHashMap<>();
		boolean changed = false;
		for (Map.Entry<String, Integer> wanted : Map
			.of("WAYSTATION_PRIVACY_WORKER_ID_KEY", 32, "WAYSTATION_IDENTITY_ENCRYPTION_KEY", 32,
					"WAYSTATION_IDENTITY_CODE_KEY", 32, "WAYSTATION_SMS_API_KEY", 24, "WAYSTATION_IM_API_KEY", 24,
					"WAYSTATION_IDENTITY_ENCRYPTION_SALT", 0)
			.entrySet()) {
			String value = stored.getProperty(wanted.getKey());
			if (value == null || value.isBlank()) {
				value = (wanted.getValue() == 0) ? HexFormat.of().formatHex(bytes(16)) : token(wanted.getValue());
				stored.setProperty(wanted.getKey(), value);
				changed = true;
			}
			secrets.put(wanted.getKey(), value);
		}
		if (changed) {
			Files.createDirectories(dataDir);
			if (!Files.exists(file) && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
				Files.createFile(file,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
				stored.store(out, "Secrets of the local stack, made on its first start. Keep them private; "
						+ "deleting the data directory makes new ones.");
			}
		}
		return secrets;
	}

	private static String token(int length) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(length));
	}

	private static byte[] bytes(int length) {
		byte[] bytes = new byte[length];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

}
