package org.waystation.intake.open311.web;

import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.waystation.support.problem.ProblemException;

/**
 * Errors of the GeoReport endpoints as GeoReport clients read them: a JSON list of
 * {@code {code, description}}, the code being the HTTP status.
 */
@RestControllerAdvice(assignableTypes = Open311Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311Errors {

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<List<Map<String, Object>>> problem(ProblemException ex) {
		String description = ex.errors().isEmpty() ? ex.getMessage()
				: ex.errors().get(0).field() + ": " + ex.errors().get(0).problem();
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(ex.kind().status())
			.contentType(MediaType.APPLICATION_JSON);
		if (ex.retryAfterSeconds() != null) {
			answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()));
		}
		return answer.body(List.of(Map.of("code", ex.kind().status(), "description", description)));
	}

}
