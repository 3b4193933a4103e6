package org.waystation.support.web;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.waystation.support.problem.FieldProblem;
import org.waystation.support.problem.ProblemException;
import org.waystation.support.security.Refusals;

/**
 * The one place a service's problems become answers: every {@link ProblemException} (the
 * domain's and the web layer's alike) as a problem detail with its status, code and
 * properties, and bad input as a 400 whose {@code errors} list names each field and its
 * problem, so that a client (or a person reading curl output) sees at once what to fix.
 * Refusals for the caller's rights are counted and logged as security events.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private final Refusals refusals;

	public ApiExceptionHandler(Refusals refusals) {
		this.refusals = refusals;
	}

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<Object> handleProblem(ProblemException ex, WebRequest request) {
		if (ex.kind().isRefusal() && this.refusals != null && request instanceof ServletWebRequest servlet) {
			this.refusals.count((ex.kind() == ProblemException.Kind.FORBIDDEN) ? "forbidden" : "not-visible",
					servlet.getRequest());
		}
		HttpStatus status = HttpStatus.valueOf(ex.kind().status());
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		body.setProperty("code", ex.code());
		if (!ex.errors().isEmpty()) {
			body.setProperty("errors", ex.errors());
		}
		ex.properties().forEach(body::setProperty);
		if (request instanceof ServletWebRequest servlet) {
			body.setInstance(java.net.URI.create(servlet.getRequest().getRequestURI()));
		}
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
		if (ex.retryAfterSeconds() != null) {
			answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()));
		}
		return answer.body(body);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> problems = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> new FieldProblem(error.getField(), error.getDefaultMessage()))
			.sorted(Comparator.comparing(FieldProblem::field))
			.toList();
		return badRequest(problems);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> problems = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> new FieldProblem(result.getMethodParameter().getParameterName(),
						error.getDefaultMessage())))
			.toList();
		return badRequest(problems);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return badRequest(List.of(describe(ex)));
	}

	/**
	 * A parameter outside its bounds on a controller validated as a whole
	 * ({@code @Validated}): named as the API names it, the last node of the path.
	 */
	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex) {
		List<FieldProblem> problems = ex.getConstraintViolations().stream().map((violation) -> {
			String name = null;
			for (Path.Node node : violation.getPropertyPath()) {
				name = node.getName();
			}
			return new FieldProblem((name != null) ? name : "request", violation.getMessage());
		}).sorted(Comparator.comparing(FieldProblem::field)).toList();
		return badRequest(problems);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Object> handleTypeMismatch(MethodArgumentTypeMismatchException ex) {
		String problem = "cannot be '" + ex.getValue() + "'";
		Class<?> type = ex.getRequiredType();
		if (type != null && !type.isEnum()) {
			// A list of enum values, such as ?status=OPEN,SIGNED
			type = ResolvableType.forMethodParameter(ex.getParameter()).getGeneric(0).resolve();
		}
		if (type != null && type.isEnum()) {
			problem += "; must be one of " + enumValues(type);
		}
		return badRequest(List.of(new FieldProblem(ex.getName(), problem)));
	}

	private FieldProblem describe(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return new FieldProblem(unknown.getPropertyName(),
					"is not a field of this request (a name starting with $ or holding a dot is refused)");
		}
		if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() == String.class) {
			return new FieldProblem(path(invalid), "must be a string, not " + invalid.getValue());
		}
		if (cause instanceof InvalidFormatException invalid
				&& (invalid.getTargetType() == Boolean.class || invalid.getTargetType() == boolean.class)) {
			return new FieldProblem(path(invalid), "must be true or false, not " + invalid.getValue());
		}
		if (cause instanceof InvalidFormatException invalid) {
			String problem = "cannot be '" + invalid.getValue() + "'";
			if (invalid.getTargetType() != null && invalid.getTargetType().isEnum()) {
				problem += "; must be one of " + enumValues(invalid.getTargetType());
			}
			return new FieldProblem(path(invalid), problem);
		}
		if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
			return new FieldProblem(path(mismatched), "has the wrong type");
		}
		if (cause instanceof StreamReadException malformed) {
			return new FieldProblem("body", "is not valid JSON: " + malformed.getOriginalMessage());
		}
		if (cause instanceof JacksonException jackson) {
			return new FieldProblem("body", "cannot be read: " + jackson.getOriginalMessage());
		}
		return new FieldProblem("body", "is missing or cannot be read as JSON");
	}

	private static String path(JacksonException ex) {
		return ex.getPath()
			.stream()
			.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
					: "[" + reference.getIndex() + "]")
			.collect(Collectors.joining("."))
			.replace(".[", "[");
	}

	private static String enumValues(Class<?> type) {
		return Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
	}

	private static ResponseEntity<Object> badRequest(List<FieldProblem> problems) {
		String detail = problems.stream()
			.map((problem) -> problem.field() + " " + problem.problem())
			.collect(Collectors.joining("; "));
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid request: " + detail);
		body.setProperty("code", "invalid-request");
		body.setProperty("errors", problems);
		return ResponseEntity.badRequest().body(body);
	}

}
