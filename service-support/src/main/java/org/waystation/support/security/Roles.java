package org.waystation.support.security;

import java.util.List;

/**
 * The roles a token can carry, as {@code @RolesAllowed} names them. A role says what kind
 * of work its holder does; which objects they may touch is checked against the
 * {@link Caller}'s department and scope.
 */
public final class Roles {

	/** A worker signed in with their phone: sees only their own appeals. */
	public static final String WORKER = "WORKER";

	/** Agency staff of one department: works that department's cases. */
	public static final String STAFF = "STAFF";

	/**
	 * The dispatch and triage desk: the TRIAGE queue, returned cases, re-dispatch and
	 * merges.
	 */
	public static final String TRIAGE = "TRIAGE";

	/** Oversees one department or every department: approvals, escalations, KPIs. */
	public static final String SUPERVISOR = "SUPERVISOR";

	/** Keeps accounts, routing rules, service levels and the calendar. */
	public static final String ADMIN = "ADMIN";

	/** Hotline and grid staff who file appeals on a worker's behalf. */
	public static final String OPERATOR = "OPERATOR";

	/** Every role, in the order above. */
	public static final List<String> ALL = List.of(WORKER, STAFF, TRIAGE, SUPERVISOR, ADMIN, OPERATOR);

	/** Everyone who works cases or watches them (not workers, not operators). */
	public static final List<String> CASE_WORK = List.of(STAFF, TRIAGE, SUPERVISOR);

	private Roles() {
	}

}
