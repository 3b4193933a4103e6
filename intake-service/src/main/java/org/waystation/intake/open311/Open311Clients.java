package org.waystation.intake.open311;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.waystation.support.text.Digests;
import org.waystation.support.problem.ProblemException;

/**
 * Issues, checks and revokes Open311 clients' API keys. A key is 32 random bytes; only
 * its SHA-256 is kept, so a stolen database holds no working key.
 */
@Service
public class Open311Clients {

	private static final Logger log = LoggerFactory.getLogger(Open311Clients.class);

	private static final String KEY_PREFIX = "ws311_";

	private static final char[] ID_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz".toCharArray();

	private final MongoTemplate mongo;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	Open311Clients(MongoTemplate mongo, Optional<Clock> clock) {
		this.mongo = mongo;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * A new client and its key.
	 *
	 * @param apiKey the key, to hand to the client: it cannot be shown again
	 */
	public record Issued(Open311Client client, String apiKey) {

	}

	public Issued issue(String name, String issuedBy) {
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		String apiKey = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		StringBuilder clientId = new StringBuilder("o311-");
		for (int i = 0; i < 6; i++) {
			clientId.append(ID_ALPHABET[this.random.nextInt(ID_ALPHABET.length)]);
		}
		Open311Client client = this.mongo
			.insert(new Open311Client(digest(apiKey), clientId.toString(), name, issuedBy, this.clock.instant(), null));
		log.info("Open311 client {} ({}) issued by {}", client.clientId(), name, issuedBy);
		return new Issued(client, apiKey);
	}

	/** The active client holding this key. */
	public Optional<Open311Client> authenticate(String apiKey) {
		if (apiKey == null || !apiKey.startsWith(KEY_PREFIX) || apiKey.length() > 100) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.mongo.findById(digest(apiKey), Open311Client.class))
			.filter(Open311Client::active);
	}

	/** Every client, newest first, revoked ones included. */
	public List<Open311Client> all() {
		return this.mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "issuedAt")), Open311Client.class);
	}

	/** Stops the client's key working; revoking it again changes nothing. */
	public Open311Client revoke(String clientId, String revokedBy) {
		Query active = Query.query(Criteria.where("clientId").is(clientId).and("revokedAt").isNull());
		this.mongo.updateFirst(active, new Update().set("revokedAt", this.clock.instant()), Open311Client.class);
		Open311Client client = this.mongo.findOne(Query.query(Criteria.where("clientId").is(clientId)),
				Open311Client.class);
		if (client == null) {
			throw ProblemException.notFound("open311-client-not-found", "No Open311 client " + clientId);
		}
		log.info("Open311 client {} revoked by {}", clientId, revokedBy);
		return client;
	}

	private static String digest(String apiKey) {
		return Digests.sha256(apiKey);
	}

}
