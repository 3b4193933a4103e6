package org.waystation.identity.token;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.waystation.support.security.Roles;

/**
 * The principals sign-ins are recorded under: a username with its roles, or a worker's
 * pseudonymous id. Plain Spring Security types, so that the stored authorizations read
 * back with Spring Security's own type-checked JSON modules (which is also why the
 * authorities are a plain {@code ArrayList}).
 */
public final class Principals {

	private Principals() {
	}

	/**
	 * A member of staff signed in with their password (the factor, with its time, is what
	 * OpenID Connect's {@code auth_time} is read from).
	 */
	public static Authentication account(String username, List<String> roles) {
		List<GrantedAuthority> authorities = roles.stream()
			.map((role) -> new SimpleGrantedAuthority("ROLE_" + role))
			.collect(Collectors.toCollection(ArrayList::new));
		authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
		return UsernamePasswordAuthenticationToken.authenticated(username, null, authorities);
	}

	/** A worker signed in with a one-time code. */
	public static Authentication worker(String workerId) {
		return UsernamePasswordAuthenticationToken.authenticated(workerId, null,
				new ArrayList<>(List.of(new SimpleGrantedAuthority("ROLE_" + Roles.WORKER),
						FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.OTT_AUTHORITY))));
	}

	public static boolean isWorker(Authentication principal) {
		return principal != null && principal.getAuthorities()
			.stream()
			.anyMatch((authority) -> ("ROLE_" + Roles.WORKER).equals(authority.getAuthority()));
	}

}
