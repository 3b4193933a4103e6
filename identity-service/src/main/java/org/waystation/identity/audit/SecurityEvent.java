package org.waystation.identity.audit;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One security-relevant event: a sign-in, a refusal, a code sent, an account changed.
 * Never changed once written; removed only after the retention period.
 *
 * @param type what happened, such as {@code sign-in-failed}
 * @param subject whose account or phone it concerns (a username, or a worker's
 * pseudonymous id; never a phone number)
 * @param actor who did it when that is someone else (an administrator), else null
 * @param clientAddress the client's address as the gateway saw it
 */
@Document("security_events")
public record SecurityEvent(@Id String id, Instant at, String type, String subject, String actor, String clientAddress,
		String detail) {

}
