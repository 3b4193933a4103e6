package org.waystation.identity.otp;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The one-time code last sent to one phone, under the worker's pseudonymous id (the
 * number itself is not stored), as a keyed hash: the code itself is never stored, logged
 * or queued.
 *
 * @param codeHash HMAC of the code; null once it can no longer be used
 * @param attempts wrong and right tries so far
 * @param sends when codes went to this phone in the last day
 */
@Document("phone_codes")
record PhoneCode(@Id String workerId, String codeHash, Instant issuedAt, Instant expiresAt, int attempts, boolean used,
		List<Instant> sends, @Version Long version) {

}
