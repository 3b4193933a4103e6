package org.waystation.support.web;

import org.springframework.http.HttpStatus;

/**
 * A request refused for what its caller may touch: answered as 404 where the object is
 * outside the caller's scope (so that its existence is not revealed), as 403 where the
 * caller may see the object but not do this to it. Every one is counted and logged as a
 * security refusal.
 */
public class RefusedException extends ApiException {

	private final String reason;

	private RefusedException(HttpStatus status, String code, String detail, String reason) {
		super(status, code, detail);
		this.reason = reason;
	}

	/**
	 * The object does not exist for this caller.
	 * @param code the error code a missing object of this kind gets, such as
	 * {@code case-not-found}
	 */
	public static RefusedException notVisible(String code, String detail) {
		return new RefusedException(HttpStatus.NOT_FOUND, code, detail, "not-visible");
	}

	/** The caller sees the object but may not do this. */
	public static RefusedException forbidden(String detail) {
		return new RefusedException(HttpStatus.FORBIDDEN, "forbidden", detail, "forbidden");
	}

	/** {@code not-visible} or {@code forbidden}, as the refusal metric counts it. */
	public String reason() {
		return this.reason;
	}

}
