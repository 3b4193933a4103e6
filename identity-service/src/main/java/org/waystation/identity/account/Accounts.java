package org.waystation.identity.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.waystation.events.StaffAccountChanged;
import org.waystation.identity.IdentityProperties;
import org.waystation.identity.audit.SecurityEvents;
import org.waystation.identity.crypto.SecretBox;
import org.waystation.identity.totp.Totp;
import org.waystation.support.correlation.CorrelationIds;
import org.waystation.support.outbox.OutboxEntry;
import org.waystation.support.outbox.OutboxWriter;
import org.waystation.support.problem.ProblemException;
import org.waystation.support.security.Roles;

/**
 * Staff accounts: created, changed, disabled and reset by administrators, signed in to
 * with a password and (for administrators always, for others once they set it up) an
 * authenticator code. Every change is published as {@code StaffAccountChanged} in the
 * same write, so the departments' rosters follow.
 */
@Service
public class Accounts {

	/** A username: lower-case letters, digits, dots, hyphens and underscores. */
	public static final String USERNAME = "[a-z0-9][a-z0-9._-]{1,63}";

	private final MongoTemplate mongo;

	private final OutboxWriter outbox;

	private final PasswordEncoder passwords;

	private final SecretBox secrets;

	private final SecurityEvents events;

	private final IdentityProperties properties;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	/** Checked when the username is unknown, so that both take the same time. */
	private final String unknownUserHash;

	Accounts(MongoTemplate mongo, OutboxWriter outbox, PasswordEncoder passwords, SecretBox secrets,
			SecurityEvents events, IdentityProperties properties, ApplicationEventPublisher publisher,
			Optional<Clock> clock) {
		this.mongo = mongo;
		this.outbox = outbox;
		this.passwords = passwords;
		this.secrets = secrets;
		this.events = events;
		this.properties = properties;
		this.publisher = publisher;
		this.clock = clock.orElse(Clock.systemUTC());
		this.unknownUserHash = passwords.encode(PasswordPolicy.generate());
	}

	public Optional<Account> find(String username) {
		return Optional.ofNullable(username).map((id) -> this.mongo.findById(id, Account.class));
	}

	public List<Account> list() {
		return this.mongo.find(new Query().with(Sort.by("_id")), Account.class);
	}

	// ---- administration

	/**
	 * Creates an account. Without a password one is generated; an administrator account
	 * gets its authenticator secret at once. Both are returned this once only.
	 */
	public Issued create(String username, AccountTerms requested, String password, String actor, String address) {
		return create(username, requested, password, null, actor, address);
	}

	/**
	 * Creates an account with a given authenticator secret (the demo administrator's).
	 */
	Issued create(String username, AccountTerms requested, String password, String givenTotpSecret, String actor,
			String address) {
		AccountTerms terms = requested.validated();
		String initial = (password != null) ? password : PasswordPolicy.generate();
		PasswordPolicy.check("password", initial, username);
		return create(username, terms, this.passwords.encode(initial), (password == null) ? initial : null,
				givenTotpSecret, actor, address);
	}

	/**
	 * The hash of a password for {@link #createWithHash}: accounts made together with one
	 * password (the demo accounts) share one hash instead of paying the slow hashing for
	 * each.
	 */
	String hash(String password) {
		return this.passwords.encode(password);
	}

	/**
	 * Creates an account whose password's hash {@link #hash} made; the caller has checked
	 * the password against {@link PasswordPolicy} for this account.
	 */
	Issued createWithHash(String username, AccountTerms requested, String passwordHash, String givenTotpSecret,
			String actor, String address) {
		return create(username, requested.validated(), passwordHash, null, givenTotpSecret, actor, address);
	}

	private Issued create(String username, AccountTerms terms, String passwordHash, String generatedPassword,
			String givenTotpSecret, String actor, String address) {
		String totpSecret = (givenTotpSecret != null) ? givenTotpSecret
				: terms.roles().contains(Roles.ADMIN) ? Totp.newSecret() : null;
		Instant now = this.clock.instant();
		Account account = new Account(username, terms.name(), terms.roles(), terms.department(), terms.supervises(),
				terms.email(), true, passwordHash, now, 0, null,
				(totpSecret != null) ? this.secrets.seal(totpSecret) : null, totpSecret != null, 0, null, now, now, 1,
				null);
		account.outbox().add(OutboxEntry.of(changed(account)));
		try {
			this.outbox.insert(account);
		}
		catch (DuplicateKeyException ex) {
			throw new AccountConflictException("An account named " + username + " exists already");
		}
		this.events.record("account-created", username, actor, address, String.join(",", terms.roles()));
		return new Issued(account, generatedPassword,
				(totpSecret != null) ? new TotpSetup(totpSecret, Totp.uri(totpSecret, username)) : null);
	}

	/** Changes an account's name, roles, department, scope and email address. */
	public Account change(String username, AccountTerms requested, String actor, String address) {
		AccountTerms terms = requested.validated();
		Account current = require(username);
		if (terms.roles().contains(Roles.ADMIN) && current.totpSecret() == null) {
			throw new InvalidAccountException("roles",
					"cannot gain ADMIN before the account has an authenticator: reset it after the change");
		}
		Update update = new Update().set("name", terms.name())
			.set("roles", terms.roles())
			.set("department", terms.department())
			.set("supervises", terms.supervises())
			.set("email", terms.email());
		Account changed = write(current, update,
				(a) -> new Account(a.id(), terms.name(), terms.roles(), terms.department(), terms.supervises(),
						terms.email(), a.enabled(), a.passwordHash(), a.passwordChangedAt(), a.failedAttempts(),
						a.lockedUntil(), a.totpSecret(), a.totpEnabled(), a.totpLastStep(), a.lastSignInAt(),
						a.createdAt(), a.updatedAt(), a.revision(), null));
		this.events.record("account-changed", username, actor, address, String.join(",", terms.roles()));
		return changed;
	}

	/**
	 * Disables or enables an account; disabling also ends its sign-ins
	 * ({@link SignInsEnded}).
	 */
	public Account setEnabled(String username, boolean enabled, String actor, String address) {
		Account current = require(username);
		Account changed = write(current, new Update().set("enabled", enabled),
				(a) -> new Account(a.id(), a.name(), a.roles(), a.department(), a.supervises(), a.email(), enabled,
						a.passwordHash(), a.passwordChangedAt(), a.failedAttempts(), a.lockedUntil(), a.totpSecret(),
						a.totpEnabled(), a.totpLastStep(), a.lastSignInAt(), a.createdAt(), a.updatedAt(), a.revision(),
						null));
		this.events.record(enabled ? "account-enabled" : "account-disabled", username, actor, address, null);
		if (!enabled) {
			this.publisher.publishEvent(new SignInsEnded(username, "account-disabled"));
		}
		return changed;
	}

	/**
	 * Gives the account a new random password, unlocks it and clears its authenticator
	 * (an administrator gets a new one at once). Both are returned this once only; the
	 * account's sign-ins end ({@link SignInsEnded}).
	 */
	public Issued reset(String username, String actor, String address) {
		Account current = require(username);
		String password = PasswordPolicy.generate();
		String totpSecret = current.has(Roles.ADMIN) ? Totp.newSecret() : null;
		Instant now = this.clock.instant();
		String sealed = (totpSecret != null) ? this.secrets.seal(totpSecret) : null;
		Update update = new Update().set("passwordHash", this.passwords.encode(password))
			.set("passwordChangedAt", now)
			.set("failedAttempts", 0)
			.unset("lockedUntil")
			.set("totpEnabled", totpSecret != null)
			.set("totpLastStep", 0);
		if (sealed != null) {
			update.set("totpSecret", sealed);
		}
		else {
			update.unset("totpSecret");
		}
		Account changed = write(current, update, (a) -> a);
		this.events.record("account-reset", username, actor, address, null);
		this.publisher.publishEvent(new SignInsEnded(username, "account-reset"));
		return new Issued(changed, password,
				(totpSecret != null) ? new TotpSetup(totpSecret, Totp.uri(totpSecret, username)) : null);
	}

	// ---- self-service

	public void changePassword(String username, String currentPassword, String newPassword, String address) {
		Account account = require(username);
		if (currentPassword == null || !this.passwords.matches(currentPassword, account.passwordHash())) {
			this.events.record("password-change-refused", username, null, address, "current password wrong");
			throw new InvalidAccountException("currentPassword", "is not the account's password");
		}
		PasswordPolicy.check("newPassword", newPassword, username);
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(username)),
				new Update().set("passwordHash", this.passwords.encode(newPassword))
					.set("passwordChangedAt", this.clock.instant()),
				Account.class);
		this.events.record("password-changed", username, null, address, null);
	}

	/**
	 * Starts setting up an authenticator: a new secret, used once confirmed with a code.
	 */
	public TotpSetup beginTotp(String username, String address) {
		Account account = require(username);
		if (account.totpEnabled()) {
			throw new AccountConflictException("An authenticator is set up already; an administrator can reset it");
		}
		String secret = Totp.newSecret();
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(username)),
				new Update().set("totpSecret", this.secrets.seal(secret)).set("totpLastStep", 0), Account.class);
		this.events.record("totp-setup-started", username, null, address, null);
		return new TotpSetup(secret, Totp.uri(secret, username));
	}

	/**
	 * Confirms the authenticator with its current code: from now on sign-in asks for one.
	 */
	public void confirmTotp(String username, String code, String address) {
		Account account = require(username);
		if (account.totpSecret() == null || account.totpEnabled()) {
			throw new AccountConflictException("No authenticator set-up is waiting for confirmation");
		}
		long step = Totp.verify(this.secrets.open(account.totpSecret()), code, this.clock.instant(), 0);
		if (step < 0) {
			this.events.record("totp-confirm-refused", username, null, address, null);
			throw new InvalidAccountException("code", "is not the authenticator's current code");
		}
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(username)),
				new Update().set("totpEnabled", true).set("totpLastStep", step), Account.class);
		this.events.record("totp-enabled", username, null, address, null);
	}

	// ---- sign-in

	/**
	 * Checks a password sign-in. Every failure looks the same to the caller, whether the
	 * username is unknown, the password wrong, the account locked or disabled.
	 */
	public SignIn signIn(String username, String password, String totp, String address) {
		Instant now = this.clock.instant();
		Account account = (username != null && username.matches(USERNAME)) ? find(username).orElse(null) : null;
		if (account == null) {
			this.passwords.matches((password != null) ? password : "", this.unknownUserHash);
			this.events.record("sign-in-failed", "unknown:" + mask(username), null, address, "no such account");
			return SignIn.failed();
		}
		if (account.lockedAt(now)) {
			this.events.record("sign-in-refused", username, null, address, "locked until " + account.lockedUntil());
			return SignIn.failed();
		}
		if (password == null || !this.passwords.matches(password, account.passwordHash())) {
			failure(account, address, "wrong password");
			return SignIn.failed();
		}
		if (!account.enabled()) {
			this.events.record("sign-in-refused", username, null, address, "account disabled");
			return SignIn.failed();
		}
		if (account.totpEnabled() || account.has(Roles.ADMIN)) {
			if (account.totpSecret() == null || !account.totpEnabled()) {
				this.events.record("sign-in-refused", username, null, address, "no authenticator set up");
				return SignIn.failed();
			}
			if (totp == null || totp.isBlank()) {
				return SignIn.secondFactorRequired();
			}
			long step = Totp.verify(this.secrets.open(account.totpSecret()), totp.strip(), now, account.totpLastStep());
			if (step < 0 || this.mongo
				.updateFirst(Query.query(Criteria.where("_id").is(username).and("totpLastStep").lt(step)),
						new Update().set("totpLastStep", step), Account.class)
				.getModifiedCount() == 0) {
				failure(account, address, "wrong or reused authenticator code");
				return SignIn.failed();
			}
		}
		Update success = new Update().set("failedAttempts", 0).set("lastSignInAt", now);
		if (this.passwords.upgradeEncoding(account.passwordHash())) {
			success.set("passwordHash", this.passwords.encode(password));
		}
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(username)), success, Account.class);
		this.events.record("signed-in", username, null, address, "password");
		return SignIn.succeeded(account);
	}

	private void failure(Account account, String address, String why) {
		Account counted = this.mongo.findAndModify(Query.query(Criteria.where("_id").is(account.id())),
				new Update().inc("failedAttempts", 1), FindAndModifyOptions.options().returnNew(true), Account.class);
		this.events.record("sign-in-failed", account.id(), null, address, why);
		int max = this.properties.lockout().maxFailures();
		if (counted != null && counted.failedAttempts() >= max) {
			Instant until = this.clock.instant().plus(this.properties.lockout().lockFor());
			if (this.mongo
				.updateFirst(Query.query(Criteria.where("_id").is(account.id()).and("failedAttempts").gte(max)),
						new Update().set("lockedUntil", until).set("failedAttempts", 0), Account.class)
				.getModifiedCount() == 1) {
				this.events.record("account-locked", account.id(), null, address,
						max + " failed sign-ins; locked until " + until);
			}
		}
	}

	// ---- plumbing

	private Account require(String username) {
		return find(username).orElseThrow(() -> new AccountNotFoundException(username));
	}

	/**
	 * Applies a change guarded by the account's revision and publishes the account's new
	 * state with it.
	 */
	private Account write(Account current, Update update, java.util.function.UnaryOperator<Account> applied) {
		Instant now = this.clock.instant();
		long revision = current.revision() + 1;
		Account next = applied.apply(current);
		Account state = new Account(next.id(), next.name(), next.roles(), next.department(), next.supervises(),
				next.email(), next.enabled(), next.passwordHash(), next.passwordChangedAt(), next.failedAttempts(),
				next.lockedUntil(), next.totpSecret(), next.totpEnabled(), next.totpLastStep(), next.lastSignInAt(),
				next.createdAt(), now, revision, null);
		update.set("updatedAt", now).set("revision", revision);
		if (!this.outbox.updateWhere(
				Query.query(Criteria.where("_id").is(current.id()).and("revision").is(current.revision())),
				Account.class, update, List.of(changed(state)))) {
			throw new AccountConflictException("Account " + current.id() + " was changed at the same time; try again");
		}
		return require(current.id());
	}

	private static StaffAccountChanged changed(Account account) {
		return new StaffAccountChanged(UUID.randomUUID(), account.updatedAt(), StaffAccountChanged.SCHEMA_VERSION,
				CorrelationIds.current().orElse(account.id()), account.id(), account.name(), account.roles(),
				account.department(), account.supervises(), account.enabled(), account.revision(), account.email());
	}

	private static String mask(String username) {
		if (username == null) {
			return "";
		}
		String clean = username.replaceAll("[^a-z0-9._-]", "?");
		return (clean.length() > 24) ? clean.substring(0, 24) + "…" : clean;
	}

	/**
	 * An account as it was created or reset, with what is shown this once only.
	 *
	 * @param password the generated password, or null when the administrator chose it
	 * @param totp the authenticator set-up, or null
	 */
	public record Issued(Account account, String password, TotpSetup totp) {

	}

	/** An authenticator secret and the URI an app reads it from. */
	public record TotpSetup(String secret, String uri) {

	}

	/** The outcome of a password sign-in. */
	public record SignIn(Account account, boolean secondFactorMissing) {

		static SignIn failed() {
			return new SignIn(null, false);
		}

		static SignIn secondFactorRequired() {
			return new SignIn(null, true);
		}

		static SignIn succeeded(Account account) {
			return new SignIn(account, false);
		}

		public boolean succeeded() {
			return this.account != null;
		}

	}

	/** No account has that username. */
	public static class AccountNotFoundException extends ProblemException {

		AccountNotFoundException(String username) {
			super(Kind.NOT_FOUND, "account-not-found", "No account is named " + username);
		}

	}

	/** The account exists already, or changed at the same time. */
	public static class AccountConflictException extends ProblemException {

		AccountConflictException(String message) {
			super(Kind.CONFLICT, "account-conflict", message);
		}

	}

}
