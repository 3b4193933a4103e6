package org.waystation.identity.token;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One RSA signing key. Keys follow one another by generation: the newest one whose time
 * has come signs; a newer one is already published so that resource servers know it
 * before it is used; an older one stays published until the tokens it signed have
 * expired.
 *
 * @param kid the key id tokens name in their header
 * @param generation 1, 2, 3...: unique, so two instances never both make the next key
 * @param sealedJwk the key pair as a JWK, encrypted
 * @param activatesAt when it starts signing
 */
@Document("signing_keys")
public record SigningKey(@Id String kid, @Indexed(unique = true) long generation, String sealedJwk, Instant createdAt,
		Instant activatesAt, String createdBy) {

}
