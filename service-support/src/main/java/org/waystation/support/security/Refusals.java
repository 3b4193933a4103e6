package org.waystation.support.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Counts and logs every request refused for who the caller is or what they asked to
 * touch, as {@code waystation_security_refusals_total{reason}}: security teams watch it
 * for brute force and probing.
 */
public class Refusals {

	/** The logger of security events; kept apart so that it can be kept longer. */
	public static final Logger SECURITY_LOG = LoggerFactory.getLogger("org.waystation.security");

	private final MeterRegistry meters;

	public Refusals(MeterRegistry meters) {
		this.meters = meters;
	}

	/**
	 * @param reason {@code unauthenticated}, {@code invalid-token}, {@code forbidden} or
	 * {@code not-visible}
	 */
	public void count(String reason, HttpServletRequest request) {
		Counter.builder("waystation.security.refusals")
			.description("Requests refused for the caller's identity or rights")
			.tag("reason", reason)
			.register(this.meters)
			.increment();
		SECURITY_LOG.info("Refused ({}) {} {} for {}", reason, request.getMethod(), request.getRequestURI(), subject());
	}

	private static String subject() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof JwtAuthenticationToken token) {
			return token.getToken().getSubject();
		}
		return "anonymous";
	}

}
