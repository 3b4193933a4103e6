package org.waystation.identity.account;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.waystation.events.Taxonomy;
import org.waystation.support.security.Caller;
import org.waystation.support.security.Roles;

/**
 * What an account is for: its roles, department and supervision scope, checked together
 * so that no account is half-made: staff need a department, supervisors a scope, the
 * triage desk works in TRIAGE, and workers have no staff account.
 */
public record AccountTerms(String name, List<String> roles, String department, String supervises, String email) {

	/** An address as mail servers take it: one @, a dotted domain, no spaces. */
	private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern
		.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

	/** Terms with no email address. */
	public AccountTerms(String name, List<String> roles, String department, String supervises) {
		this(name, roles, department, supervises, null);
	}

	/** The staff roles an account can have. */
	static final Set<String> STAFF_ROLES = Set.of(Roles.STAFF, Roles.TRIAGE, Roles.SUPERVISOR, Roles.ADMIN,
			Roles.OPERATOR);

	/**
	 * The terms made consistent, or the first problem with them as field and problem.
	 * @throws InvalidAccountException naming the field
	 */
	public AccountTerms validated() {
		if (this.name == null || this.name.isBlank() || this.name.codePointCount(0, this.name.length()) > 32) {
			throw new InvalidAccountException("name", "is required, at most 32 characters");
		}
		if (this.roles == null || this.roles.isEmpty()) {
			throw new InvalidAccountException("roles", "must name at least one of " + String.join(", ", sorted()));
		}
		Set<String> unique = new LinkedHashSet<>();
		for (String role : this.roles) {
			if (!STAFF_ROLES.contains(role)) {
				throw new InvalidAccountException("roles",
						"cannot contain " + role + "; must be among " + String.join(", ", sorted()));
			}
			unique.add(role);
		}
		Taxonomy taxonomy = Taxonomy.standard();
		String dept = blankToNull(this.department);
		String scope = blankToNull(this.supervises);
		if (dept != null && taxonomy.department(dept).isEmpty()) {
			throw new InvalidAccountException("department", "is not a department code: " + dept);
		}
		if (unique.contains(Roles.TRIAGE)) {
			if (dept != null && !Taxonomy.TRIAGE.equals(dept)) {
				throw new InvalidAccountException("department", "must be TRIAGE for the triage desk");
			}
			dept = Taxonomy.TRIAGE;
		}
		if (unique.contains(Roles.STAFF) && dept == null) {
			throw new InvalidAccountException("department", "is required for STAFF");
		}
		if (unique.contains(Roles.SUPERVISOR)) {
			if (scope == null) {
				throw new InvalidAccountException("supervises", "is required for SUPERVISOR: a department code or *");
			}
			if (!Caller.EVERY_DEPARTMENT.equals(scope) && taxonomy.department(scope).isEmpty()) {
				throw new InvalidAccountException("supervises", "must be a department code or *");
			}
			if (!Caller.EVERY_DEPARTMENT.equals(scope) && dept != null && !dept.equals(scope)) {
				throw new InvalidAccountException("supervises", "must be the account's own department or *");
			}
			if (!Caller.EVERY_DEPARTMENT.equals(scope)) {
				dept = scope;
			}
		}
		else if (scope != null) {
			throw new InvalidAccountException("supervises", "is only for SUPERVISOR accounts");
		}
		String mail = blankToNull(this.email);
		if (mail != null && (mail.length() > 254 || !EMAIL.matcher(mail).matches())) {
			throw new InvalidAccountException("email", "must be an email address such as lihua@rsj.example.cn");
		}
		return new AccountTerms(this.name.strip(), new ArrayList<>(unique), dept, scope,
				(mail != null) ? mail.toLowerCase(java.util.Locale.ROOT) : null);
	}

	private static List<String> sorted() {
		return STAFF_ROLES.stream().sorted().toList();
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
