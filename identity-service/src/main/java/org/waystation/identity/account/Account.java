package org.waystation.identity.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.waystation.support.outbox.OutboxEntry;

/**
 * A staff account: who may sign in with a password, with which roles, for which
 * department. Workers have no account: they sign in with their phone.
 *
 * @param id the username, also the subject of the account's tokens
 * @param supervises the department a supervisor oversees, {@code *} for all
 * @param email where the account's holder is mailed (assignments, alerts), or null
 * @param passwordHash the password as the delegating encoder hashed it
 * ({@code {bcrypt}...})
 * @param failedAttempts consecutive failed sign-ins since the last success or lockout
 * @param lockedUntil sign-in is refused until then
 * @param totpSecret the authenticator secret, encrypted; null when none is set
 * @param totpEnabled whether sign-in asks for an authenticator code
 * @param totpLastStep the last time step a code was used for, so a code works once
 * @param revision increases with every change of roles, department or state
 * @param outbox the {@code StaffAccountChanged} events waiting to be published
 */
@Document("accounts")
public record Account(@Id String id, String name, List<String> roles, String department, String supervises,
		String email, boolean enabled, String passwordHash, Instant passwordChangedAt, int failedAttempts,
		Instant lockedUntil, String totpSecret, boolean totpEnabled, long totpLastStep, Instant lastSignInAt,
		Instant createdAt, Instant updatedAt, long revision, List<OutboxEntry> outbox) {

	public Account {
		roles = (roles != null) ? List.copyOf(roles) : List.of();
		outbox = (outbox != null) ? new ArrayList<>(outbox) : new ArrayList<>();
	}

	public boolean lockedAt(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

	public boolean has(String role) {
		return this.roles.contains(role);
	}

}
