package org.waystation.support.security;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.oauth2.jwt.Jwt;
import org.waystation.events.Taxonomy;

/**
 * Who is calling, as their token says: never as a request body or a header the caller
 * chose says. Controllers take it as an argument.
 *
 * @param subject the token's subject: a username, or a worker's pseudonymous id
 * @param name the name to show for the caller, or the subject
 * @param roles the caller's roles ({@link Roles})
 * @param department the department the caller works in, or {@code null}
 * @param supervises the department a supervisor oversees, {@link #EVERY_DEPARTMENT}, or
 * {@code null}
 */
public record Caller(String subject, String name, Set<String> roles, String department, String supervises) {

	/** The supervision scope that covers every department. */
	public static final String EVERY_DEPARTMENT = "*";

	public Caller {
		Objects.requireNonNull(subject, "subject");
		roles = Set.copyOf(roles);
		name = (name == null || name.isBlank()) ? subject : name;
	}

	/** The caller a token describes, reading the claims the properties name. */
	public static Caller of(Jwt jwt, SecurityProperties.Claims claims) {
		return new Caller(jwt.getSubject(), jwt.getClaimAsString(claims.name()), roles(jwt.getClaim(claims.roles())),
				jwt.getClaimAsString(claims.department()), jwt.getClaimAsString(claims.supervises()));
	}

	private static Set<String> roles(Object claim) {
		if (claim instanceof Collection<?> values) {
			return values.stream()
				.map(String::valueOf)
				.map(String::toUpperCase)
				.filter(Roles.ALL::contains)
				.collect(Collectors.toSet());
		}
		if (claim instanceof String value) {
			return roles(List.of(value.split("[ ,]+")));
		}
		return Set.of();
	}

	public boolean has(String role) {
		return this.roles.contains(role);
	}

	public boolean isWorker() {
		return has(Roles.WORKER);
	}

	/**
	 * Whether the caller does the department's case work: its staff, or the triage desk
	 * for the TRIAGE queue.
	 */
	public boolean worksIn(String departmentCode) {
		if (departmentCode == null) {
			return false;
		}
		if (has(Roles.STAFF) && departmentCode.equals(this.department)) {
			return true;
		}
		return has(Roles.TRIAGE) && Taxonomy.TRIAGE.equals(departmentCode);
	}

	/** Whether the caller is a supervisor whose scope covers the department. */
	public boolean supervises(String departmentCode) {
		return has(Roles.SUPERVISOR) && this.supervises != null
				&& (EVERY_DEPARTMENT.equals(this.supervises) || this.supervises.equals(departmentCode));
	}

	/** Whether the caller supervises every department. */
	public boolean supervisesAll() {
		return has(Roles.SUPERVISOR) && EVERY_DEPARTMENT.equals(this.supervises);
	}

	/**
	 * Whether the caller may see the department's cases: they work in it or supervise it.
	 */
	public boolean maySee(String departmentCode) {
		return worksIn(departmentCode) || supervises(departmentCode);
	}

	/**
	 * Whether the caller may see any of these departments' cases.
	 */
	public boolean maySeeAny(Collection<String> departmentCodes) {
		return departmentCodes != null && departmentCodes.stream().anyMatch(this::maySee);
	}

	/**
	 * The departments whose data a supervisor's figures may cover, or {@code null} for
	 * every department.
	 */
	public String supervisionScope() {
		return supervisesAll() ? null : this.supervises;
	}

}
