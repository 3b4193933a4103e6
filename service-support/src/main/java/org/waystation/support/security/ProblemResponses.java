package org.waystation.support.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.waystation.api.ProblemBody;

/**
 * 401 and 403 answered as problem details (RFC 9457), like every other error of the API,
 * with the {@code WWW-Authenticate} header OAuth clients expect. Nothing in them tells
 * one account from another.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

	private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();

	private final Refusals refusals;

	ProblemResponses(Refusals refusals) {
		this.refusals = refusals;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		this.bearer.commence(request, response, exception);
		boolean invalid = exception instanceof InvalidBearerTokenException
				|| request.getHeader("Authorization") != null;
		String reason = invalid ? "invalid-token" : "unauthenticated";
		this.refusals.count(reason, request);
		write(response, HttpStatus.UNAUTHORIZED, reason,
				invalid ? "The access token is not valid: it is expired, malformed, signed with an unknown key or "
						+ "issued by an issuer this service does not trust. Sign in again."
						: "Sign in first: this endpoint needs an access token (Authorization: Bearer ...).");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
			throws IOException {
		this.bearerDenied.handle(request, response, exception);
		this.refusals.count("forbidden", request);
		write(response, HttpStatus.FORBIDDEN, "forbidden", "Your role may not do this.");
	}

	static void write(HttpServletResponse response, HttpStatus status, String code, String detail) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		Map<String, Object> body = ProblemBody.of(status.value(), status.getReasonPhrase(), code, detail);
		response.setStatus(status.value());
		response.setContentType(ProblemBody.MEDIA_TYPE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write(JSON.writeValueAsString(body));
	}

}
