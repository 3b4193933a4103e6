package org.waystation.support.security;

import java.util.Map;
import java.util.Optional;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives handler methods the {@link Caller} of the request, from its verified token: a
 * {@code Caller} parameter where a token is required, an {@code Optional<Caller>} on
 * endpoints anyone may call.
 */
final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

	private final Map<String, SecurityProperties.Claims> claims;

	/**
	 * @param claims the claim names of each trusted issuer
	 */
	CallerArgumentResolver(Map<String, SecurityProperties.Claims> claims) {
		this.claims = claims;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Caller.class || (parameter.getParameterType() == Optional.class
				&& ResolvableType.forMethodParameter(parameter).getGeneric(0).resolve() == Caller.class);
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		Optional<Caller> caller = current(this.claims);
		if (parameter.getParameterType() == Optional.class) {
			return caller;
		}
		return caller.orElseThrow(() -> new AuthenticationCredentialsNotFoundException("No access token"));
	}

	static Optional<Caller> current(Map<String, SecurityProperties.Claims> claims) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof JwtAuthenticationToken token) {
			String issuer = String.valueOf(token.getToken().getClaimAsString("iss"));
			SecurityProperties.Claims names = claims.get(issuer);
			return (names != null) ? Optional.of(Caller.of(token.getToken(), names)) : Optional.empty();
		}
		return Optional.empty();
	}

}
