package org.waystation.support.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request that cannot be served, answered as a problem detail with a stable error code.
 */
public class ApiException extends ErrorResponseException {

	public ApiException(HttpStatus status, String code, String detail) {
		super(status, problem(status, code, detail), null);
	}

	public static ApiException notFound(String code, String detail) {
		return new ApiException(HttpStatus.NOT_FOUND, code, detail);
	}

	public static ApiException conflict(String code, String detail) {
		return new ApiException(HttpStatus.CONFLICT, code, detail);
	}

	public static ApiException badRequest(String field, String problem) {
		ApiException ex = new ApiException(HttpStatus.BAD_REQUEST, "invalid-request", field + ": " + problem);
		ex.getBody().setProperty("errors", java.util.List.of(new FieldProblem(field, problem)));
		return ex;
	}

	/** Too many requests: the client may try again after the given number of seconds. */
	public static ApiException tooManyRequests(String code, String detail, long retryAfterSeconds) {
		ApiException ex = new ApiException(HttpStatus.TOO_MANY_REQUESTS, code, detail);
		ex.getHeaders().set("Retry-After", String.valueOf(Math.max(1, retryAfterSeconds)));
		ex.getBody().setProperty("retryAfterSeconds", Math.max(1, retryAfterSeconds));
		return ex;
	}

	private static ProblemDetail problem(HttpStatus status, String code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setProperty("code", code);
		return problem;
	}

}
