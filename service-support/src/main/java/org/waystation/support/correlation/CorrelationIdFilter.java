package org.waystation.support.correlation;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the request's correlation id (or a new one) in the logging context and on the
 * response, before anything else runs.
 */
public class CorrelationIdFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = CorrelationIds.valid(request.getHeader(CorrelationIds.HEADER)).orElseGet(CorrelationIds::newId);
		MDC.put(CorrelationIds.MDC_KEY, id);
		response.setHeader(CorrelationIds.HEADER, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(CorrelationIds.MDC_KEY);
		}
	}

}
