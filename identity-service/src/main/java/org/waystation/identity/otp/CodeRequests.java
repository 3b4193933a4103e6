package org.waystation.identity.otp;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * When one client address asked for codes in the last hour, under a keyed hash of the
 * address.
 */
@Document("code_requests")
record CodeRequests(@Id String addressHash, List<Instant> sends, @Version Long version) {

}
