package org.waystation.support.security;

import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.ApplicationContext;
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
		Authentication caller = authentication.get();
		boolean allowed = handlerOf(request.getRequest())
			.flatMap((handler) -> EndpointRule.of(handler.getMethod(), handler.getBeanType()))
			.map((rule) -> rule.allows(caller))
			.orElseGet(() -> EndpointRule.signedIn(caller));
		return new AuthorizationDecision(allowed);
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

	private RequestMappingHandlerMapping mapping() {
		RequestMappingHandlerMapping found = this.mapping;
		if (found == null) {
			found = this.context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
			this.mapping = found;
		}
		return found;
	}

}
