package org.waystation.support.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request that cannot be served, said in the service's own terms: what kind of problem
 * (the caller's input, their rights, the object's state, the load), a stable error code
 * and a detail for people. Domain code throws it (or a subclass) without knowing HTTP;
 * each service's web layer answers it as a problem detail (RFC 9457) in one place.
 */
public class ProblemException extends RuntimeException {

	/** What went wrong, and the HTTP status it is answered with. */
	public enum Kind {

		/** The request is malformed or a field is wrong. */
		INVALID(400),
		/** The caller did not prove who they are. */
		UNAUTHORIZED(401),
		/** The caller may see the object but may not do this. */
		FORBIDDEN(403),
		/** No such object. */
		NOT_FOUND(404),
		/**
		 * The object is outside the caller's scope: answered exactly as a missing one, so
		 * that its existence is not revealed.
		 */
		NOT_VISIBLE(404),
		/** The object's state does not allow it now. */
		CONFLICT(409),
		/** Asked too often. */
		TOO_MANY(429),
		/** Something it depends on does not answer. */
		UNAVAILABLE(503);

		private final int status;

		Kind(int status) {
			this.status = status;
		}

		public int status() {
			return this.status;
		}

		/** Whether it refuses the caller for who they are or what they may touch. */
		public boolean isRefusal() {
			return this == FORBIDDEN || this == NOT_VISIBLE;
		}

	}

	private final Kind kind;

	private final String code;

	private final Map<String, Object> properties = new LinkedHashMap<>();

	private final List<FieldProblem> errors;

	private final Long retryAfterSeconds;

	protected ProblemException(Kind kind, String code, String detail, List<FieldProblem> errors,
			Long retryAfterSeconds) {
		super(detail, null, false, false);
		this.kind = kind;
		this.code = code;
		this.errors = (errors != null) ? List.copyOf(errors) : List.of();
		this.retryAfterSeconds = retryAfterSeconds;
	}

	protected ProblemException(Kind kind, String code, String detail) {
		this(kind, code, detail, null, null);
	}

	/** A field of the request is wrong. */
	public static ProblemException invalid(String field, String problem) {
		return new ProblemException(Kind.INVALID, "invalid-request", "Invalid request: " + field + " " + problem,
				List.of(new FieldProblem(field, problem)), null);
	}

	public static ProblemException unauthorized(String code, String detail) {
		return new ProblemException(Kind.UNAUTHORIZED, code, detail);
	}

	/** The caller may see the object but may not do this. */
	public static ProblemException forbidden(String detail) {
		return new ProblemException(Kind.FORBIDDEN, "forbidden", detail);
	}

	public static ProblemException notFound(String code, String detail) {
		return new ProblemException(Kind.NOT_FOUND, code, detail);
	}

	/**
	 * The object does not exist for this caller.
	 * @param code the code a missing object of this kind gets, such as
	 * {@code case-not-found}
	 */
	public static ProblemException notVisible(String code, String detail) {
		return new ProblemException(Kind.NOT_VISIBLE, code, detail);
	}

	public static ProblemException conflict(String code, String detail) {
		return new ProblemException(Kind.CONFLICT, code, detail);
	}

	/** Asked too often: the caller may try again after the given number of seconds. */
	public static ProblemException tooMany(String code, String detail, long retryAfterSeconds) {
		return new ProblemException(Kind.TOO_MANY, code, detail, null, Math.max(1, retryAfterSeconds))
			.with("retryAfterSeconds", Math.max(1, retryAfterSeconds));
	}

	public static ProblemException unavailable(String code, String detail, long retryAfterSeconds) {
		return new ProblemException(Kind.UNAVAILABLE, code, detail, null, Math.max(1, retryAfterSeconds));
	}

	/** The same problem with one more property in its answer. */
	public ProblemException with(String name, Object value) {
		this.properties.put(name, value);
		return this;
	}

	public Kind kind() {
		return this.kind;
	}

	public String code() {
		return this.code;
	}

	public Map<String, Object> properties() {
		return Collections.unmodifiableMap(this.properties);
	}

	/** The fields at fault, for {@link Kind#INVALID}. */
	public List<FieldProblem> errors() {
		return this.errors;
	}

	/** When the caller may try again, or null. */
	public Long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
