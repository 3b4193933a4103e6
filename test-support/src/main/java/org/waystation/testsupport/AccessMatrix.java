package org.waystation.testsupport;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.waystation.standins.IssuerStandIn;
import org.waystation.support.security.EndpointAccess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call which endpoint, checked over HTTP against a running service: every
 * endpoint the service's request mappings have (so none is left out: one without an
 * expectation fails the test) times every persona, each with its own objects and other
 * people's. A persona not allowed gets 401 (no token) or 403/404; one allowed gets past
 * the access checks (whatever the request's own fate: 2xx, 400, 409).
 */
public final class AccessMatrix {

	/**
	 * The people who call, relative to the objects of the test: "own" ones belong to them
	 * or to their department, "other" ones do not.
	 */
	public enum Persona {

		ANONYMOUS, WORKER_OWN, WORKER_OTHER, STAFF_OWN, STAFF_OTHER, TRIAGE, SUPERVISOR_OWN, SUPERVISOR_OTHER,
		SUPERVISOR_ALL, ADMIN, OPERATOR

	}

	/** Everyone with a token. */
	public static final Set<Persona> SIGNED_IN = EnumSet.complementOf(EnumSet.of(Persona.ANONYMOUS));

	/** Every supervisor, whatever their scope. */
	public static final Set<Persona> SUPERVISORS = EnumSet.of(Persona.SUPERVISOR_OWN, Persona.SUPERVISOR_OTHER,
			Persona.SUPERVISOR_ALL);

	/** Every staff role that works or watches cases, whatever the department. */
	public static final Set<Persona> CASE_WORKERS = EnumSet.of(Persona.STAFF_OWN, Persona.STAFF_OTHER, Persona.TRIAGE,
			Persona.SUPERVISOR_OWN, Persona.SUPERVISOR_OTHER, Persona.SUPERVISOR_ALL);

	/** Every account with a password (not workers). */
	public static final Set<Persona> STAFF_ACCOUNTS = EnumSet.of(Persona.STAFF_OWN, Persona.STAFF_OTHER, Persona.TRIAGE,
			Persona.SUPERVISOR_OWN, Persona.SUPERVISOR_OTHER, Persona.SUPERVISOR_ALL, Persona.ADMIN, Persona.OPERATOR);

	private final HttpJson http;

	private final Map<Persona, String> tokens = new EnumMap<>(Persona.class);

	private final Map<String, Expectation> expectations = new LinkedHashMap<>();

	/**
	 * @param ownWorker the worker id whose objects are "own"
	 * @param ownDepartment the department whose objects are "own"
	 * @param otherDepartment another department
	 */
	public AccessMatrix(HttpJson http, IssuerStandIn issuer, String ownWorker, String otherWorker, String ownDepartment,
			String otherDepartment) {
		this.http = http;
		String own = ownDepartment.toLowerCase();
		String other = otherDepartment.toLowerCase();
		this.tokens.put(Persona.WORKER_OWN, issuer.worker(ownWorker));
		this.tokens.put(Persona.WORKER_OTHER, issuer.worker(otherWorker));
		this.tokens.put(Persona.STAFF_OWN, issuer.staff(subject(Persona.STAFF_OWN, own), ownDepartment));
		this.tokens.put(Persona.STAFF_OTHER, issuer.staff(subject(Persona.STAFF_OTHER, other), otherDepartment));
		this.tokens.put(Persona.TRIAGE, issuer.triage(subject(Persona.TRIAGE, null)));
		this.tokens.put(Persona.SUPERVISOR_OWN, issuer.supervisor(subject(Persona.SUPERVISOR_OWN, own), ownDepartment));
		this.tokens.put(Persona.SUPERVISOR_OTHER,
				issuer.supervisor(subject(Persona.SUPERVISOR_OTHER, other), otherDepartment));
		this.tokens.put(Persona.SUPERVISOR_ALL, issuer.supervisor(subject(Persona.SUPERVISOR_ALL, null), "*"));
		this.tokens.put(Persona.ADMIN, issuer.admin(subject(Persona.ADMIN, null)));
		this.tokens.put(Persona.OPERATOR, issuer.operator(subject(Persona.OPERATOR, null)));
	}

	/** The token subject of a persona (an account the identity service may need). */
	public static String subject(Persona persona, String department) {
		String base = "matrix." + persona.name().toLowerCase().replace('_', '-');
		return (department != null) ? base + "." + department : base;
	}

	/** The token a persona calls with (null for {@link Persona#ANONYMOUS}). */
	public String token(Persona persona) {
		return this.tokens.get(persona);
	}

	/**
	 * Who may call an endpoint; the request is made once per endpoint (its objects fresh)
	 * and sent by every persona.
	 */
	public AccessMatrix expect(String method, String pattern, Supplier<Request> request, Set<Persona> allowed) {
		String key = method + " " + pattern;
		assertThat(this.expectations).as("expectation for " + key + " given twice").doesNotContainKey(key);
		this.expectations.put(key, new Expectation(request, EnumSet.copyOf(allowed)));
		return this;
	}

	public AccessMatrix expect(String method, String pattern, Supplier<Request> request, Persona first,
			Persona... rest) {
		return expect(method, pattern, request, EnumSet.of(first, rest));
	}

	/** An endpoint anyone may call, with or without a token. */
	public AccessMatrix open(String method, String pattern, Supplier<Request> request) {
		return expect(method, pattern, request, EnumSet.allOf(Persona.class));
	}

	/**
	 * Checks that the expectations name exactly the service's endpoints, then sends every
	 * request as every persona: the denied ones first, so that an allowed change cannot
	 * hide a refusal.
	 */
	public void verify(ApplicationContext context) {
		RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping",
				RequestMappingHandlerMapping.class);
		Set<String> discovered = EndpointAccess.of(mapping)
			.endpoints()
			.stream()
			.map(EndpointAccess.Endpoint::toString)
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(new TreeSet<>(this.expectations.keySet()))
			.as("every endpoint of the service has an access expectation, and only those")
			.isEqualTo(discovered);
		List<String> wrong = new ArrayList<>();
		this.expectations.forEach((endpoint, expectation) -> {
			Request request = expectation.request().get();
			List<Persona> order = new ArrayList<>(EnumSet.complementOf(expectation.allowed()));
			order.addAll(expectation.allowed());
			for (Persona persona : order) {
				HttpJson client = (persona == Persona.ANONYMOUS) ? this.http : this.http.as(this.tokens.get(persona));
				HttpJson.Response response = client.request(request.method(), request.path(), request.contentType(),
						request.body(), request.headers().toArray(String[]::new));
				String problem = judge(persona, expectation.allowed().contains(persona), response);
				if (problem != null) {
					wrong.add(endpoint + " as " + persona + " (" + request.path() + "): " + problem + " — got "
							+ response.status() + " " + abbreviate(response.body()));
				}
			}
		});
		assertThat(wrong).as("access matrix").isEmpty();
	}

	private static String judge(Persona persona, boolean allowed, HttpJson.Response response) {
		int status = response.status();
		String code = code(response);
		if (status >= 500) {
			return "a server error";
		}
		boolean authenticationRefused = status == 401
				&& ("unauthenticated".equals(code) || "invalid-token".equals(code));
		if (allowed) {
			return (authenticationRefused || status == 403 || status == 404) ? "should be allowed" : null;
		}
		if (persona == Persona.ANONYMOUS) {
			return authenticationRefused ? null : "should need a token (401)";
		}
		return (status == 403 || status == 404) ? null : "should be refused (403 or 404)";
	}

	private static String code(HttpJson.Response response) {
		try {
			return response.json().path("code").asString(null);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String abbreviate(String body) {
		return (body.length() > 200) ? body.substring(0, 200) + "…" : body;
	}

	/**
	 * One request of the matrix.
	 *
	 * @param contentType the body's type, or null without a body
	 * @param headers extra headers, name and value in turn (never the token's)
	 */
	public record Request(String method, String path, String contentType, String body, List<String> headers) {

		public static Request get(String path) {
			return new Request("GET", path, null, null, List.of());
		}

		public static Request delete(String path) {
			return new Request("DELETE", path, null, null, List.of());
		}

		public static Request post(String path, String json) {
			return new Request("POST", path, "application/json", json, List.of());
		}

		/** POST of an HTML form's fields, already encoded. */
		public static Request form(String path, String encoded) {
			return new Request("POST", path, "application/x-www-form-urlencoded", encoded, List.of());
		}

		public static Request put(String path, String json) {
			return new Request("PUT", path, "application/json", json, List.of());
		}

		/** The same request with one more header, such as a webhook's signature. */
		public Request header(String name, String value) {
			List<String> more = new ArrayList<>(this.headers);
			more.add(name);
			more.add(value);
			return new Request(this.method, this.path, this.contentType, this.body, List.copyOf(more));
		}

	}

	private record Expectation(Supplier<Request> request, EnumSet<Persona> allowed) {

	}

}
