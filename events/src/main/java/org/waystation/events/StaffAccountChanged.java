package org.waystation.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A staff account was created or changed: its current state, so that a consumer keeps the
 * latest one and needs no history. Worker accounts never travel: a worker is known only
 * by the pseudonymous id in their token.
 *
 * @param roles the account's roles (STAFF, TRIAGE, SUPERVISOR, ADMIN, OPERATOR)
 * @param department the department the account works in, or {@code null}
 * @param supervises the department a supervisor oversees, {@code *} for every department,
 * or {@code null}
 * @param enabled false once an administrator disabled the account
 * @param revision increases with every change, so a consumer can ignore an older one
 * @param email the address the account's holder is mailed at (alerts and assignments), or
 * {@code null}
 */
public record StaffAccountChanged(UUID eventId, Instant occurredAt, int schemaVersion, String correlationId,
		String username, String name, List<String> roles, String department, String supervises, boolean enabled,
		long revision, String email) implements AccountEvent {

	public static final int SCHEMA_VERSION = 1;

	public StaffAccountChanged {
		roles = (roles != null) ? List.copyOf(roles) : List.of();
	}

	/** An account with no email address. */
	public StaffAccountChanged(UUID eventId, Instant occurredAt, int schemaVersion, String correlationId,
			String username, String name, List<String> roles, String department, String supervises, boolean enabled,
			long revision) {
		this(eventId, occurredAt, schemaVersion, correlationId, username, name, roles, department, supervises, enabled,
				revision, null);
	}

}
