package org.waystation.support.security;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Applies each endpoint's own rule ({@code @PermitAll}, {@code @RolesAllowed},
 * {@code @DenyAll}) in the filter chain, before the request body is read: a caller whose
 * role may not call an endpoint is refused (401 without a token, 403 with one) whatever
 * they sent. The annotation on the handler is the one place the rule is written; method
 * security checks it again around the call. A path no endpoint serves needs a token.
 */
final class EndpointRules implements AuthorizationManager<RequestAuthorizationContext> {

	private final ApplicationContext context;

	private volatile RequestMappingHandlerMapping mapping;

	EndpointRules(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext request) {
		Optional<HandlerMethod> handler = handlerOf(request.getRequest());
		if (handler.isPresent()) {
			HandlerMethod method = handler.get();
			if (has(method, PermitAll.class)) {
				return new AuthorizationDecision(true);
			}
			if (has(method, DenyAll.class)) {
				return new AuthorizationDecision(false);
			}
			RolesAllowed roles = find(method, RolesAllowed.class);
			if (roles != null) {
				Authentication caller = authentication.get();
				return new AuthorizationDecision(signedIn(caller) && caller.getAuthorities()
					.stream()
					.anyMatch((authority) -> Arrays.stream(roles.value())
						.anyMatch((role) -> ("ROLE_" + role).equals(authority.getAuthority()))));
			}
		}
		return new AuthorizationDecision(signedIn(authentication.get()));
	}

	private static boolean signedIn(Authentication caller) {
		return caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken);
	}

	private Optional<HandlerMethod> handlerOf(HttpServletRequest request) {
		Object parsed = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
		try {
			if (parsed == null) {
				ServletRequestPathUtils.parseAndCache(request);
			}
			HandlerExecutionChain chain = mapping().getHandler(request);
			return (chain != null && chain.getHandler() instanceof HandlerMethod method) ? Optional.of(method)
					: Optional.empty();
		}
		catch (Exception ex) {
			// No handler takes it (or not with this method): no endpoint rule applies.
			return Optional.empty();
		}
		finally {
			if (parsed == null) {
				ServletRequestPathUtils.clearParsedRequestPath(request);
			}
		}
	}

	private static boolean has(HandlerMethod method, Class<? extends java.lang.annotation.Annotation> annotation) {
		return AnnotatedElementUtils.hasAnnotation(method.getMethod(), annotation)
				|| (!hasRule(method) && AnnotatedElementUtils.hasAnnotation(method.getBeanType(), annotation));
	}

	private static <A extends java.lang.annotation.Annotation> A find(HandlerMethod method, Class<A> annotation) {
		A onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), annotation);
		return (onMethod != null || hasRule(method)) ? onMethod
				: AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), annotation);
	}

	/** Whether the method states its own rule (which then wins over its class's). */
	private static boolean hasRule(HandlerMethod method) {
		return AnnotatedElementUtils.hasAnnotation(method.getMethod(), PermitAll.class)
				|| AnnotatedElementUtils.hasAnnotation(method.getMethod(), DenyAll.class)
				|| AnnotatedElementUtils.hasAnnotation(method.getMethod(), RolesAllowed.class);
	}

	private RequestMappingHandlerMapping mapping() {
		RequestMappingHandlerMapping found = this.mapping;
		if (found == null) {
			found = this.context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
			this.mapping = found;
		}
		return found;
	}

}
