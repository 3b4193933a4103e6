package org.waystation.support.security;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the service with who may call it, read from its handler method. A
 * service whose endpoint does not say (no {@code @RolesAllowed}, {@code @PermitAll},
 * {@code @DenyAll} or {@code @PreAuthorize}) refuses to start: access is stated, never
 * assumed.
 */
public final class EndpointAccess {

	private final List<Endpoint> endpoints;

	private EndpointAccess(List<Endpoint> endpoints) {
		this.endpoints = List.copyOf(endpoints);
	}

	/** The endpoints of the Waystation controllers a handler mapping serves. */
	public static EndpointAccess of(RequestMappingHandlerMapping mapping) {
		List<Endpoint> endpoints = new ArrayList<>();
		List<String> unstated = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
			HandlerMethod handler = entry.getValue();
			if (!handler.getBeanType().getName().startsWith("org.waystation.")) {
				continue;
			}
			String rule = EndpointRule.of(handler.getMethod(), handler.getBeanType())
				.map(EndpointRule::describe)
				.orElse(null);
			Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
			for (String pattern : entry.getKey().getPatternValues()) {
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					if (rule == null) {
						unstated.add(method + " " + pattern + " (" + handler.getShortLogMessage() + ")");
					}
					else {
						endpoints.add(new Endpoint(method.name(), pattern, rule));
					}
				}
			}
		}
		if (!unstated.isEmpty()) {
			throw new IllegalStateException("These endpoints do not state who may call them (add @RolesAllowed, "
					+ "@PermitAll or @PreAuthorize): " + String.join(", ", unstated));
		}
		endpoints.sort(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method));
		return new EndpointAccess(endpoints);
	}

	/**
	 * Who may call a handler, in words ({@code anyone}, {@code roles STAFF,SUPERVISOR},
	 * ...), if it states it.
	 */
	public static Optional<String> ruleOf(Method method, Class<?> type) {
		return EndpointRule.of(method, type).map(EndpointRule::describe);
	}

	/** Whether anyone may call the handler, without a token. */
	public static boolean isOpen(Method method, Class<?> type) {
		return EndpointRule.of(method, type).filter((rule) -> rule.kind() == EndpointRule.Kind.ANYONE).isPresent();
	}

	public List<Endpoint> endpoints() {
		return this.endpoints;
	}

	/**
	 * One endpoint and its rule.
	 *
	 * @param rule {@code anyone}, {@code nobody}, {@code roles A,B} or an expression
	 */
	public record Endpoint(String method, String pattern, String rule) {

		@Override
		public String toString() {
			return this.method + " " + this.pattern;
		}

	}

}
