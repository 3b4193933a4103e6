package org.waystation.support.security;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Who may call an endpoint, as its handler states it: the method's own rule, else its
 * class's. Read in one place for the filter chain ({@link EndpointRules}) and the list of
 * endpoints ({@link EndpointAccess}).
 *
 * @param roles the roles that may call it, for {@link Kind#ROLES}
 * @param expression the {@code @PreAuthorize} expression, for {@link Kind#EXPRESSION}
 */
record EndpointRule(Kind kind, List<String> roles, String expression) {

	enum Kind {

		/** {@code @PermitAll}: with or without a token. */
		ANYONE,

		/** {@code @DenyAll}. */
		NOBODY,

		/** {@code @RolesAllowed}: a signed-in caller with one of the roles. */
		ROLES,

		/** {@code @PreAuthorize}: any signed-in caller here; method security decides. */
		EXPRESSION

	}

	/**
	 * The rule of a handler, or empty when neither the method nor its class states one.
	 */
	static Optional<EndpointRule> of(Method method, Class<?> type) {
		return of(method).or(() -> of(type));
	}

	/** The most restrictive rule the element states, if any. */
	private static Optional<EndpointRule> of(AnnotatedElement element) {
		if (AnnotatedElementUtils.hasAnnotation(element, DenyAll.class)) {
			return Optional.of(new EndpointRule(Kind.NOBODY, List.of(), null));
		}
		RolesAllowed roles = AnnotatedElementUtils.findMergedAnnotation(element, RolesAllowed.class);
		if (roles != null) {
			return Optional.of(new EndpointRule(Kind.ROLES, List.copyOf(new TreeSet<>(List.of(roles.value()))), null));
		}
		if (AnnotatedElementUtils.hasAnnotation(element, PermitAll.class)) {
			return Optional.of(new EndpointRule(Kind.ANYONE, List.of(), null));
		}
		PreAuthorize expression = AnnotatedElementUtils.findMergedAnnotation(element, PreAuthorize.class);
		return Optional.ofNullable(expression).map((pre) -> new EndpointRule(Kind.EXPRESSION, List.of(), pre.value()));
	}

	/** Whether the caller gets past this rule in the filter chain. */
	boolean allows(Authentication caller) {
		return switch (this.kind) {
			case ANYONE -> true;
			case NOBODY -> false;
			case EXPRESSION -> signedIn(caller);
			case ROLES -> signedIn(caller) && caller.getAuthorities()
				.stream()
				.anyMatch((authority) -> this.roles.stream()
					.anyMatch((role) -> ("ROLE_" + role).equals(authority.getAuthority())));
		};
	}

	static boolean signedIn(Authentication caller) {
		return caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken);
	}

	/** {@code anyone}, {@code nobody}, {@code roles A,B} or {@code expression ...}. */
	String describe() {
		return switch (this.kind) {
			case ANYONE -> "anyone";
			case NOBODY -> "nobody";
			case ROLES -> "roles " + String.join(",", this.roles);
			case EXPRESSION -> "expression " + this.expression;
		};
	}

}
