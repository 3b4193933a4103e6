package org.waystation.identity.account.web;

import java.time.Instant;
import java.util.List;

import org.waystation.identity.account.Account;

/**
 * An account as administrators see it: never its password hash or authenticator secret.
 */
record AccountView(String username, String name, List<String> roles, String department, String supervises, String email,
		boolean enabled, boolean locked, boolean secondFactor, Instant lastSignInAt, Instant passwordChangedAt,
		Instant createdAt, Instant updatedAt, long revision) {

	static AccountView of(Account account, Instant now) {
		return new AccountView(account.id(), account.name(), account.roles(), account.department(),
				account.supervises(), account.email(), account.enabled(), account.lockedAt(now), account.totpEnabled(),
				account.lastSignInAt(), account.passwordChangedAt(), account.createdAt(), account.updatedAt(),
				account.revision());
	}

}
