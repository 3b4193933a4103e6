package org.waystation.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The problem-detail body (RFC 9457) of a refusal written before any controller runs, at
 * the gateway or in a service's security filters: the standard members plus {@code code},
 * the stable name clients branch on.
 */
public final class ProblemBody {

	/** The media type of the body. */
	public static final String MEDIA_TYPE = "application/problem+json";

	private ProblemBody() {
	}

	/** The members, in order; the caller may add its own after them. */
	public static Map<String, Object> of(int status, String title, String code, String detail) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", title);
		body.put("status", status);
		body.put("detail", detail);
		body.put("code", code);
		return body;
	}

}
