package org.waystation.standins;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * A token issuer that stands in for the identity service (or an agency's own OpenID
 * Connect issuer): an RSA key, its public JWK set served over HTTP on loopback like any
 * issuer's, and signed tokens for every role. Services under test trust it as they would
 * trust the real one; nothing is mocked.
 */
public final class IssuerStandIn {

	public static final String ISSUER = "http://issuer.test.waystation";

	public static final String AUDIENCE = "waystation-api";

	private final RSAKey key;

	private final RSAKey strangerKey;

	private final HttpServer server;

	private final String name;

	/** The stand-in of Waystation's own issuer in tests. */
	public IssuerStandIn() {
		this(ISSUER);
	}

	/** A stand-in for another issuer (an agency's own), by its {@code iss}. */
	public IssuerStandIn(String name) {
		this.name = name;
		try {
			this.key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID())
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.generate();
			this.strangerKey = new RSAKeyGenerator(2048).keyID(this.key.getKeyID())
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.generate();
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		byte[] jwks = new JWKSet(this.key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
		this.server.createContext("/jwks", (exchange) -> {
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, jwks.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(jwks);
			}
		});
		this.server.setExecutor(Executors.newSingleThreadExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "test-issuer");
			thread.setDaemon(true);
			return thread;
		}));
		this.server.start();
	}

	/** The {@code iss} its tokens carry. */
	public String name() {
		return this.name;
	}

	public URI jwkSetUri() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/jwks");
	}

	/** The properties that make a service trust this issuer. */
	public Map<String, Object> properties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("waystation.security.issuers[0].issuer", this.name);
		properties.put("waystation.security.issuers[0].jwk-set-uri", jwkSetUri().toString());
		properties.put("waystation.security.issuers[0].audiences[0]", AUDIENCE);
		return properties;
	}

	/**
	 * The same properties as command-line arguments, for applications a test starts
	 * itself.
	 */
	public List<String> arguments() {
		return properties().entrySet().stream().map((entry) -> "--" + entry.getKey() + "=" + entry.getValue()).toList();
	}

	/** A token with these claims besides the standard ones. */
	public Token token(String subject) {
		return new Token(this, subject);
	}

	public String worker(String workerId) {
		return token(workerId).roles("WORKER").sign();
	}

	public String staff(String username, String department) {
		return token(username).roles("STAFF").claim("department", department).sign();
	}

	public String triage(String username) {
		return token(username).roles("TRIAGE").claim("department", "TRIAGE").sign();
	}

	/** A supervisor of one department, or of every department with {@code *}. */
	public String supervisor(String username, String scope) {
		Token token = token(username).roles("SUPERVISOR").claim("supervises", scope);
		if (!"*".equals(scope)) {
			token.claim("department", scope);
		}
		return token.sign();
	}

	public String admin(String username) {
		return token(username).roles("ADMIN").sign();
	}

	public String operator(String username) {
		return token(username).roles("OPERATOR").sign();
	}

	/** A token being built. */
	public static final class Token {

		private final IssuerStandIn issuer;

		private final Map<String, Object> claims = new LinkedHashMap<>();

		private String issuerName;

		private Instant issuedAt = Instant.now();

		private Duration lifetime = Duration.ofMinutes(15);

		private boolean stranger;

		private Token(IssuerStandIn issuer, String subject) {
			this.issuer = issuer;
			this.issuerName = issuer.name;
			this.claims.put("sub", subject);
			this.claims.put("aud", List.of(AUDIENCE));
			this.claims.put("name", subject);
		}

		public Token roles(String... roles) {
			this.claims.put("roles", List.of(roles));
			return this;
		}

		public Token claim(String name, Object value) {
			this.claims.put(name, value);
			return this;
		}

		public Token issuedBy(String issuerName) {
			this.issuerName = issuerName;
			return this;
		}

		/** Issued at this instant, for a lifetime: in the past for an expired token. */
		public Token issuedAt(Instant at, Duration lifetime) {
			this.issuedAt = at;
			this.lifetime = lifetime;
			return this;
		}

		/** Signed with another key that claims the same key id: a forgery. */
		public Token signedWithUnknownKey() {
			this.stranger = true;
			return this;
		}

		public String sign() {
			JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().issuer(this.issuerName)
				.issueTime(Date.from(this.issuedAt))
				.notBeforeTime(Date.from(this.issuedAt))
				.expirationTime(Date.from(this.issuedAt.plus(this.lifetime)))
				.jwtID(UUID.randomUUID().toString());
			this.claims.forEach(set::claim);
			RSAKey signing = this.stranger ? this.issuer.strangerKey : this.issuer.key;
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signing.getKeyID()).build(),
					set.build());
			try {
				jwt.sign(new RSASSASigner(signing));
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
			return jwt.serialize();
		}

	}

}
