package org.waystation.identity.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.jackson.SecurityJacksonModules;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/**
 * Keeps authorizations (sign-ins, with their codes and tokens) in MongoDB, so that
 * sign-ins survive a restart and every instance sees them; the authorization server's own
 * store is in memory or JDBC only. An authorization is one document; each of its token
 * values is found through a look-up document keyed by the value's SHA-256, so no look-up
 * scans and no token value is an index key. Attributes are written as the JDBC store
 * writes them: JSON with Spring Security's type-checked Jackson modules.
 */
@Component
public class MongoAuthorizationService implements OAuth2AuthorizationService {

	static final String AUTHORIZATIONS = "authorizations";

	static final String LOOKUPS = "authorization_tokens";

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private static final Map<String, Class<? extends OAuth2Token>> TOKENS = new LinkedHashMap<>();

	static {
		TOKENS.put("authorizationCode", OAuth2AuthorizationCode.class);
		TOKENS.put("accessToken", OAuth2AccessToken.class);
		TOKENS.put("refreshToken", OAuth2RefreshToken.class);
		TOKENS.put("idToken", OidcIdToken.class);
	}

	private final MongoTemplate mongo;

	private final RegisteredClientRepository clients;

	private final JsonMapper json = JsonMapper.builder()
		.addModules(SecurityJacksonModules.getModules(MongoAuthorizationService.class.getClassLoader()))
		.build();

	private final Clock clock;

	MongoAuthorizationService(MongoTemplate mongo, RegisteredClientRepository clients, Optional<Clock> clock) {
		this.mongo = mongo;
		this.clients = clients;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		Document document = new Document("_id", authorization.getId())
			.append("registeredClientId", authorization.getRegisteredClientId())
			.append("principalName", authorization.getPrincipalName())
			.append("grantType", authorization.getAuthorizationGrantType().getValue())
			.append("scopes", new ArrayList<>(authorization.getAuthorizedScopes()))
			.append("attributes", this.json.writeValueAsString(authorization.getAttributes()));
		String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
		List<Document> lookups = new ArrayList<>();
		if (state != null) {
			document.append("state", state);
			lookups.add(lookup("state", state, authorization.getId()));
		}
		Instant expiresAt = null;
		for (Map.Entry<String, Class<? extends OAuth2Token>> kind : TOKENS.entrySet()) {
			OAuth2Authorization.Token<? extends OAuth2Token> token = authorization.getToken(kind.getValue());
			if (token == null) {
				continue;
			}
			OAuth2Token value = token.getToken();
			Document stored = new Document("value", value.getTokenValue()).append("issuedAt", date(value.getIssuedAt()))
				.append("expiresAt", date(value.getExpiresAt()))
				.append("metadata", this.json.writeValueAsString(token.getMetadata()));
			if (value instanceof OAuth2AccessToken access) {
				stored.append("tokenType", access.getTokenType().getValue())
					.append("scopes", new ArrayList<>(access.getScopes()));
			}
			document.append(kind.getKey(), stored);
			lookups.add(lookup(kind.getKey(), value.getTokenValue(), authorization.getId()));
			if (value.getExpiresAt() != null && (expiresAt == null || value.getExpiresAt().isAfter(expiresAt))) {
				expiresAt = value.getExpiresAt();
			}
		}
		document.append("expiresAt", date((expiresAt != null) ? expiresAt : this.clock.instant().plusSeconds(3600)));
		this.mongo.getCollection(AUTHORIZATIONS)
			.replaceOne(new Document("_id", authorization.getId()), document,
					new com.mongodb.client.model.ReplaceOptions().upsert(true));
		for (Document entry : lookups) {
			entry.append("expiresAt", document.get("expiresAt"));
			try {
				this.mongo.insert(entry, LOOKUPS);
			}
			catch (DuplicateKeyException ex) {
				// Saved before with this token: the look-up is there already.
			}
		}
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		Document stored = this.mongo.findById(authorization.getId(), Document.class, AUTHORIZATIONS);
		this.mongo.remove(Query.query(Criteria.where("_id").is(authorization.getId())), AUTHORIZATIONS);
		if (stored != null) {
			removeLookups(stored);
		}
	}

	/** Ends every sign-in of a principal (an account disabled, a sign-out everywhere). */
	public int removeAllOf(String principalName) {
		List<Document> found = this.mongo.find(Query.query(Criteria.where("principalName").is(principalName)),
				Document.class, AUTHORIZATIONS);
		for (Document stored : found) {
			this.mongo.remove(Query.query(Criteria.where("_id").is(stored.get("_id"))), AUTHORIZATIONS);
			removeLookups(stored);
		}
		return found.size();
	}

	@Override
	public OAuth2Authorization findById(String id) {
		Document stored = this.mongo.findById(id, Document.class, AUTHORIZATIONS);
		return (stored != null) ? read(stored) : null;
	}

	@Override
	public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
		if (token == null || token.isEmpty()) {
			return null;
		}
		List<String> kinds = kindsOf(tokenType);
		for (String kind : kinds) {
			Document lookup = this.mongo.findById(hash(kind, token), Document.class, LOOKUPS);
			if (lookup == null) {
				continue;
			}
			Document stored = this.mongo.findById(lookup.getString("authorizationId"), Document.class, AUTHORIZATIONS);
			if (stored != null && holds(stored, kind, token)) {
				return read(stored);
			}
		}
		return null;
	}

	/** Removes the authorizations (and look-ups) whose every token has expired. */
	@Scheduled(fixedDelayString = "${waystation.identity.authorization-sweep-interval:1h}", initialDelayString = "5m")
	void sweep() {
		java.util.Date now = date(this.clock.instant());
		for (Document stored : this.mongo.find(Query.query(Criteria.where("expiresAt").lt(now)), Document.class,
				AUTHORIZATIONS)) {
			this.mongo.remove(Query.query(Criteria.where("_id").is(stored.get("_id"))), AUTHORIZATIONS);
			removeLookups(stored);
		}
		this.mongo.remove(Query.query(Criteria.where("expiresAt").lt(now)), LOOKUPS);
	}

	private static boolean holds(Document stored, String kind, String token) {
		if ("state".equals(kind)) {
			return token.equals(stored.getString("state"));
		}
		Document value = stored.get(kind, Document.class);
		return value != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
				value.getString("value").getBytes(StandardCharsets.UTF_8));
	}

	private static List<String> kindsOf(OAuth2TokenType type) {
		if (type == null) {
			return List.of("state", "authorizationCode", "accessToken", "refreshToken", "idToken");
		}
		return switch (type.getValue()) {
			case OAuth2ParameterNames.STATE -> List.of("state");
			case OAuth2ParameterNames.CODE -> List.of("authorizationCode");
			case OAuth2ParameterNames.ACCESS_TOKEN -> List.of("accessToken");
			case OAuth2ParameterNames.REFRESH_TOKEN -> List.of("refreshToken");
			case OidcParameterNames.ID_TOKEN -> List.of("idToken");
			default -> List.of();
		};
	}

	private OAuth2Authorization read(Document stored) {
		RegisteredClient client = this.clients.findById(stored.getString("registeredClientId"));
		if (client == null) {
			return null;
		}
		Map<String, Object> attributes = this.json.readValue(stored.getString("attributes"), MAP);
		OAuth2Authorization.Builder builder = OAuth2Authorization.withRegisteredClient(client)
			.id(stored.getString("_id"))
			.principalName(stored.getString("principalName"))
			.authorizationGrantType(new AuthorizationGrantType(stored.getString("grantType")))
			.authorizedScopes(Set.copyOf(stored.getList("scopes", String.class, List.of())))
			.attributes((map) -> map.putAll(attributes));
		for (String kind : TOKENS.keySet()) {
			Document value = stored.get(kind, Document.class);
			if (value == null) {
				continue;
			}
			Map<String, Object> metadata = this.json.readValue(value.getString("metadata"), MAP);
			String tokenValue = value.getString("value");
			Instant issuedAt = instant(value.getDate("issuedAt"));
			Instant expiresAt = instant(value.getDate("expiresAt"));
			OAuth2Token token = switch (kind) {
				case "authorizationCode" -> new OAuth2AuthorizationCode(tokenValue, issuedAt, expiresAt);
				case "accessToken" -> new OAuth2AccessToken(
						OAuth2AccessToken.TokenType.DPOP.getValue().equalsIgnoreCase(value.getString("tokenType"))
								? OAuth2AccessToken.TokenType.DPOP : OAuth2AccessToken.TokenType.BEARER,
						tokenValue, issuedAt, expiresAt, Set.copyOf(value.getList("scopes", String.class, List.of())));
				case "refreshToken" -> new OAuth2RefreshToken(tokenValue, issuedAt, expiresAt);
				default -> new OidcIdToken(tokenValue, issuedAt, expiresAt, claims(metadata));
			};
			builder.token(token, (map) -> map.putAll(metadata));
		}
		return builder.build();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> claims(Map<String, Object> metadata) {
		Object claims = metadata.get(OAuth2Authorization.Token.CLAIMS_METADATA_NAME);
		return (claims instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of();
	}

	private void removeLookups(Document stored) {
		List<String> ids = new ArrayList<>();
		if (stored.getString("state") != null) {
			ids.add(hash("state", stored.getString("state")));
		}
		for (String kind : TOKENS.keySet()) {
			Document value = stored.get(kind, Document.class);
			if (value != null) {
				ids.add(hash(kind, value.getString("value")));
			}
		}
		if (!ids.isEmpty()) {
			this.mongo.remove(Query.query(Criteria.where("_id").in(ids)), LOOKUPS);
		}
	}

	private static Document lookup(String kind, String value, String authorizationId) {
		return new Document("_id", hash(kind, value)).append("authorizationId", authorizationId).append("kind", kind);
	}

	static String hash(String kind, String value) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((kind + ":" + value).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static java.util.Date date(Instant instant) {
		return (instant != null) ? java.util.Date.from(instant) : null;
	}

	private static Instant instant(java.util.Date date) {
		return (date != null) ? date.toInstant() : null;
	}

}
