package org.waystation.intake.open311;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A system allowed to file and follow appeals through Open311, known by the digest of its
 * API key (the key itself is shown once, when it is issued, and never stored).
 *
 * @param keyDigest SHA-256 of the API key, hex
 * @param clientId the public name requests are filed under, such as {@code o311-7f3k2m}
 * @param name who runs it, in the administrator's words
 * @param issuedBy the administrator who issued the key
 * @param revokedAt when the key stopped working, or null
 */
@Document("open311_clients")
public record Open311Client(@Id String keyDigest, @Indexed(unique = true) String clientId, String name, String issuedBy,
		Instant issuedAt, Instant revokedAt) {

	public boolean active() {
		return this.revokedAt == null;
	}

}
