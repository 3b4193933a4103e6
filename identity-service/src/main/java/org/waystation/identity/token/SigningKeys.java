package org.waystation.identity.token;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.waystation.identity.IdentityProperties;
import org.waystation.identity.crypto.SecretBox;

/**
 * The signing keys, kept encrypted in the store and shared by every instance: the source
 * of the published key set ({@code /oauth2/jwks}) and of the key that signs. Rotation
 * never stops a token: a new key is published {@code publish-ahead} before it signs, and
 * a replaced one stays published for the access-token lifetime and a margin.
 */
@Component
public class SigningKeys implements JWKSource<SecurityContext> {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	private final MongoTemplate mongo;

	private final SecretBox secrets;

	private final IdentityProperties properties;

	private final Clock clock;

	private volatile List<Loaded> keys = List.of();

	SigningKeys(MongoTemplate mongo, SecretBox secrets, IdentityProperties properties, Optional<Clock> clock) {
		this.mongo = mongo;
		this.secrets = secrets;
		this.properties = properties;
		this.clock = clock.orElse(Clock.systemUTC());
		refresh();
	}

	@Override
	public List<JWK> get(JWKSelector selector, SecurityContext context) {
		return selector.select(new JWKSet(published().stream().map(Loaded::jwk).map(JWK.class::cast).toList()));
	}

	/** The id of the key that signs now. */
	public String activeKid() {
		Instant now = this.clock.instant();
		return active(this.keys, now).map((key) -> key.stored().kid()).orElseGet(() -> {
			refresh();
			return active(this.keys, now).orElseThrow().stored().kid();
		});
	}

	/** Every key with what it does now, newest first. */
	public List<KeyState> states() {
		Instant now = this.clock.instant();
		List<Loaded> all = this.keys;
		Optional<Loaded> active = active(all, now);
		List<KeyState> states = new ArrayList<>();
		for (Loaded key : all) {
			String state;
			if (active.isPresent() && active.get() == key) {
				state = "SIGNING";
			}
			else if (key.stored().activatesAt().isAfter(now)) {
				state = "PUBLISHED_AHEAD";
			}
			else {
				state = "RETIRING";
			}
			states.add(new KeyState(key.stored().kid(), key.stored().generation(), state, key.stored().createdAt(),
					key.stored().activatesAt(), retiresAt(all, key).orElse(null), key.stored().createdBy()));
		}
		return states.stream().sorted(Comparator.comparingLong(KeyState::generation).reversed()).toList();
	}

	/**
	 * Makes the next key: published now, signing after {@code publish-ahead}.
	 */
	public KeyState rotate(String actor) {
		Instant now = this.clock.instant();
		create(now.plus(this.properties.signingKeys().publishAhead()), actor);
		refresh();
		return states().get(0);
	}

	/**
	 * Reloads the keys (another instance may have rotated), makes the first one or the
	 * next one when due, and forgets keys no token can still carry.
	 */
	@Scheduled(fixedDelayString = "${waystation.identity.signing-keys.refresh-interval:30s}")
	public synchronized void refresh() {
		Instant now = this.clock.instant();
		List<Loaded> loaded = load();
		if (loaded.isEmpty()) {
			create(now, "system");
			loaded = load();
		}
		Loaded newest = loaded.get(0);
		if (!newest.stored().createdAt().plus(this.properties.signingKeys().rotateEvery()).isAfter(now)) {
			create(now.plus(this.properties.signingKeys().publishAhead()), "system");
			loaded = load();
		}
		List<Loaded> kept = new ArrayList<>();
		for (Loaded key : loaded) {
			Optional<Instant> retires = retiresAt(loaded, key);
			if (retires.isPresent() && !retires.get().isAfter(now)) {
				this.mongo.remove(Query.query(Criteria.where("_id").is(key.stored().kid())), SigningKey.class);
				log.info("Signing key {} (generation {}) retired", key.stored().kid(), key.stored().generation());
			}
			else {
				kept.add(key);
			}
		}
		this.keys = List.copyOf(kept);
	}

	private List<Loaded> published() {
		Instant now = this.clock.instant();
		List<Loaded> all = this.keys;
		return all.stream().filter((key) -> retiresAt(all, key).map(now::isBefore).orElse(true)).toList();
	}

	/** The newest key whose time has come. */
	private static Optional<Loaded> active(List<Loaded> keys, Instant now) {
		return keys.stream().filter((key) -> !key.stored().activatesAt().isAfter(now)).findFirst();
	}

	/**
	 * When a key stops being published: the access-token lifetime and a margin after the
	 * key that replaced it started signing; never, while it is the newest that signs.
	 */
	private Optional<Instant> retiresAt(List<Loaded> keys, Loaded key) {
		return keys.stream()
			.filter((other) -> other.stored().generation() > key.stored().generation())
			.map((other) -> other.stored().activatesAt())
			.min(Comparator.naturalOrder())
			.filter((replacedAt) -> !replacedAt.isAfter(this.clock.instant()))
			.map((replacedAt) -> replacedAt.plus(this.properties.accessTokenLifetime())
				.plus(this.properties.signingKeys().keepAfter()));
	}

	private List<Loaded> load() {
		List<Loaded> loaded = new ArrayList<>();
		for (SigningKey stored : this.mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "generation")),
				SigningKey.class)) {
			try {
				loaded.add(new Loaded(stored, RSAKey.parse(this.secrets.open(stored.sealedJwk()))));
			}
			catch (ParseException | IllegalStateException ex) {
				log.error("Signing key {} cannot be read (was the encryption key changed?): {}", stored.kid(),
						ex.getMessage());
			}
		}
		return loaded;
	}

	private void create(Instant activatesAt, String actor) {
		long generation = this.mongo
			.find(new Query().with(Sort.by(Sort.Direction.DESC, "generation")).limit(1), SigningKey.class)
			.stream()
			.mapToLong(SigningKey::generation)
			.findFirst()
			.orElse(0) + 1;
		try {
			RSAKey key = new RSAKeyGenerator(2048).keyID("ws-" + generation + "-" + UUID.randomUUID())
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.generate();
			this.mongo.insert(new SigningKey(key.getKeyID(), generation, this.secrets.seal(key.toJSONString()),
					this.clock.instant(), activatesAt, actor));
			log.info("Signing key {} (generation {}) made; signs from {}", key.getKeyID(), generation, activatesAt);
		}
		catch (DuplicateKeyException ex) {
			// Another instance made this generation at the same moment: use theirs.
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot generate an RSA key", ex);
		}
	}

	/** A key and the decrypted JWK. */
	private record Loaded(SigningKey stored, RSAKey jwk) {

	}

	/**
	 * A key as administrators see it (never its private part).
	 *
	 * @param state {@code SIGNING}, {@code PUBLISHED_AHEAD} or {@code RETIRING}
	 */
	public record KeyState(String kid, long generation, String state, Instant createdAt, Instant activatesAt,
			Instant retiresAt, String createdBy) {

	}

}
