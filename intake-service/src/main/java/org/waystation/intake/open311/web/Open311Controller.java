package org.waystation.intake.open311.web;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.security.PermitAll;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waystation.events.Taxonomy;
import org.waystation.intake.appeal.Appeal;
import org.waystation.intake.appeal.AppealService;
import org.waystation.intake.appeal.AppealStatus;
import org.waystation.support.text.ChannelText;
import org.waystation.support.web.RequestValues;
import org.waystation.intake.open311.Open311Client;
import org.waystation.intake.open311.Open311Clients;
import org.waystation.intake.open311.Open311Requests;
import org.waystation.support.correlation.CorrelationIds;
import org.waystation.support.privacy.PhoneNumbers;
import org.waystation.support.problem.ProblemException;

/**
 * Open311 GeoReport v2 in JSON: the taxonomy's categories as services, and service
 * requests filed and followed with an API key an administrator issued. A client sees the
 * requests it filed and no others. Errors are answered as GeoReport describes them: a
 * list of {@code {code, description}}, the description naming the parameter.
 */
@RestController
@RequestMapping(path = "/open311/v2", produces = MediaType.APPLICATION_JSON_VALUE)
class Open311Controller {

	/** GeoReport's default search window and the most requests one search returns. */
	private static final Duration DEFAULT_WINDOW = Duration.ofDays(90);

	private static final int MAX_RESULTS = 1000;

	private static final int MAX_IDS = 100;

	private static final int MAX_DESCRIPTION = 2000;

	private static final Set<String> POST_PARAMETERS = Set.of("api_key", "jurisdiction_id", "service_code", "lat",
			"long", "address_string", "address_id", "email", "device_id", "account_id", "first_name", "last_name",
			"phone", "description", "media_url");

	private final Taxonomy taxonomy = Taxonomy.standard();

	private final Open311Clients clients;

	private final Open311Requests requests;

	private final ZoneId zone;

	private final Clock clock;

	Open311Controller(Open311Clients clients, Open311Requests requests,
			@Value("${waystation.tracking.time-zone:Asia/Shanghai}") ZoneId zone, Optional<Clock> clock) {
		this.clients = clients;
		this.requests = requests;
		this.zone = zone;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** The services (the taxonomy's categories), in zh-CN or, when asked, English. */
	@GetMapping("/services.json")
	@PermitAll
	List<Map<String, Object>> services(@RequestParam MultiValueMap<String, String> parameters,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
		String lang = language(parameters, acceptLanguage);
		return this.taxonomy.categories().stream().map((category) -> service(category, lang)).toList();
	}

	/**
	 * A service's definition. No service asks for attributes of its own, so each has an
	 * empty list (and {@code metadata: false} in the list of services).
	 */
	@GetMapping("/services/{serviceCode}.json")
	@PermitAll
	Map<String, Object> definition(@PathVariable String serviceCode) {
		if (this.taxonomy.category(serviceCode).isEmpty()) {
			throw ProblemException.notFound("service-not-found",
					"service_code: " + serviceCode + " is not a service; GET services.json lists them");
		}
		Map<String, Object> definition = new LinkedHashMap<>();
		definition.put("service_code", serviceCode);
		definition.put("attributes", List.of());
		return definition;
	}

	/**
	 * Files a service request as an appeal. 201 with its {@code service_request_id} (the
	 * tracking code the worker is also texted). An {@code Idempotency-Key} header makes a
	 * retry return the first request instead of filing a second one.
	 */
	@PostMapping(path = "/requests.json", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	@PermitAll
	ResponseEntity<List<Map<String, Object>>> file(@RequestParam MultiValueMap<String, String> parameters,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
		Open311Client client = client(parameters);
		parameters.keySet().stream().filter(POST_PARAMETERS::contains).forEach((name) -> single(parameters, name));
		String serviceCode = required(parameters, "service_code");
		if (this.taxonomy.category(serviceCode).isEmpty()) {
			throw ProblemException.invalid("service_code",
					"is not a service: '" + serviceCode + "'; GET services.json lists them");
		}
		String description = text(parameters, "description", MAX_DESCRIPTION, true);
		String phone = PhoneNumbers.normalize(required(parameters, "phone"))
			.orElseThrow(() -> ProblemException.invalid("phone",
					"must be a mainland mobile or landline number such as 13812345678"));
		String address = text(parameters, "address_string", 200, false);
		Double latitude = coordinate(parameters, "lat", 90);
		Double longitude = coordinate(parameters, "long", 180);
		if ((latitude == null) != (longitude == null)) {
			throw ProblemException.invalid((latitude == null) ? "lat" : "long", "is required with the other one");
		}
		for (String ignored : List.of("email", "device_id", "account_id", "first_name", "last_name", "media_url",
				"address_id")) {
			text(parameters, ignored, 200, false);
		}
		if (idempotencyKey != null && !idempotencyKey.matches("[\\x21-\\x7E]{1,128}")) {
			throw ProblemException.invalid("Idempotency-Key", "must be 1 to 128 printable ASCII characters");
		}
		String key = (idempotencyKey != null) ? "open311:" + client.clientId() + ":" + idempotencyKey : null;
		AppealService.Submitted submitted = this.requests.file(client,
				new Open311Requests.NewRequest(serviceCode, description, phone, address, latitude, longitude, key),
				CorrelationIds.current().orElse(null));
		String code = submitted.appeal().getTrackingCode();
		boolean english = "en".equals(language(parameters, acceptLanguage));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("service_request_id", code);
		answer.put("service_notice",
				english ? "Received. The worker will get a text message with tracking code " + code
						+ "; the handling department answers within its service level."
						: "已受理。劳动者将收到含追踪码 " + code + " 的短信，承办部门将在规定时限内办理。");
		answer.put("account_id", null);
		return ResponseEntity.created(URI.create("/open311/v2/requests/" + code + ".json")).body(List.of(answer));
	}

	/**
	 * The client's requests: by {@code service_request_id} (a comma-separated list, the
	 * other filters then ignored), or those filed between {@code start_date} and
	 * {@code end_date} (the last 90 days unless said), of the given {@code service_code}s
	 * and {@code status} (open, closed), newest first, at most 1,000.
	 */
	@GetMapping("/requests.json")
	@PermitAll
	List<Map<String, Object>> search(@RequestParam MultiValueMap<String, String> parameters,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
		Open311Client client = client(parameters);
		String lang = language(parameters, acceptLanguage);
		String ids = optional(parameters, "service_request_id");
		List<Appeal> found;
		if (ids != null) {
			List<String> codes = list(ids, "service_request_id");
			if (codes.size() > MAX_IDS) {
				throw ProblemException.invalid("service_request_id", "must name at most " + MAX_IDS + " requests");
			}
			found = this.requests.byIds(client, codes.stream().map((c) -> c.toUpperCase(Locale.ROOT)).toList());
		}
		else {
			Instant now = this.clock.instant();
			Instant end = instant(parameters, "end_date", now.plus(Duration.ofDays(1)));
			Instant start = instant(parameters, "start_date", end.minus(DEFAULT_WINDOW));
			if (!start.isBefore(end)) {
				throw ProblemException.invalid("start_date", "must be before end_date");
			}
			List<String> services = List.of();
			String serviceCodes = optional(parameters, "service_code");
			if (serviceCodes != null) {
				services = list(serviceCodes, "service_code");
				for (String service : services) {
					if (this.taxonomy.category(service).isEmpty()) {
						throw ProblemException.invalid("service_code",
								"is not a service: '" + service + "'; GET services.json lists them");
					}
				}
			}
			Set<AppealStatus> statuses = EnumSet.noneOf(AppealStatus.class);
			String status = optional(parameters, "status");
			if (status != null) {
				for (String one : list(status, "status")) {
					switch (one) {
						case "open" ->
							EnumSet.complementOf(EnumSet.copyOf(Open311Requests.CLOSED)).forEach(statuses::add);
						case "closed" -> statuses.addAll(Open311Requests.CLOSED);
						default -> throw ProblemException.invalid("status",
								"must be open, closed or both, comma-separated; not '" + one + "'");
					}
				}
			}
			found = this.requests.search(client, start, end, services, statuses, MAX_RESULTS);
		}
		return found.stream().map((appeal) -> request(appeal, lang)).toList();
	}

	/** One of the client's requests, as a list of one as GeoReport has it. */
	@GetMapping("/requests/{serviceRequestId}.json")
	@PermitAll
	List<Map<String, Object>> one(@PathVariable String serviceRequestId,
			@RequestParam MultiValueMap<String, String> parameters,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
		Open311Client client = client(parameters);
		Appeal appeal = this.requests.byId(client, serviceRequestId)
			.orElseThrow(() -> ProblemException.notVisible("request-not-found",
					"service_request_id: this client filed no request " + serviceRequestId));
		return List.of(request(appeal, language(parameters, acceptLanguage)));
	}

	private Map<String, Object> service(Taxonomy.Entry category, String lang) {
		Map<String, Object> service = new LinkedHashMap<>();
		String department = this.taxonomy.department(category.department()).map((d) -> d.name(lang)).orElse(null);
		service.put("service_code", category.code());
		service.put("service_name", category.name(lang));
		service.put("description", "en".equals(lang) ? category.name(lang) + ", handled by " + department
				: category.name(lang) + "，由" + department + "承办");
		service.put("metadata", false);
		service.put("type", "realtime");
		service.put("keywords", category.name(lang));
		service.put("group", department);
		return service;
	}

	private Map<String, Object> request(Appeal appeal, String lang) {
		boolean english = "en".equals(lang);
		String serviceCode = appeal.getFiling().serviceCode();
		boolean closed = Open311Requests.CLOSED.contains(appeal.getStatus());
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("service_request_id", appeal.getTrackingCode());
		request.put("status", closed ? "closed" : "open");
		request.put("status_notes", notes(appeal, english));
		request.put("service_name", this.taxonomy.category(serviceCode).map((c) -> c.name(lang)).orElse(null));
		request.put("service_code", serviceCode);
		request.put("description", appeal.getText());
		request.put("agency_responsible",
				this.taxonomy.department(appeal.getDepartment()).map((d) -> d.name(lang)).orElse(null));
		request.put("service_notice", null);
		request.put("requested_datetime", dateTime(appeal.getSubmittedAt()));
		request.put("updated_datetime", dateTime(appeal.getUpdatedAt()));
		request.put("expected_datetime", closed ? null : dateTime(appeal.getResolveDueAt()));
		request.put("address", appeal.getFiling().address());
		request.put("address_id", null);
		request.put("zipcode", null);
		request.put("lat", appeal.getFiling().latitude());
		request.put("long", appeal.getFiling().longitude());
		request.put("media_url", null);
		return request;
	}

	private static String notes(Appeal appeal, boolean english) {
		if (appeal.getStatus() == AppealStatus.MERGED && appeal.getMergedIntoTrackingCode() != null) {
			return appeal.getStatus().describe(english) + " (" + appeal.getMergedIntoTrackingCode() + ")";
		}
		if (appeal.getResolution() != null && Open311Requests.CLOSED.contains(appeal.getStatus())) {
			return appeal.getResolution();
		}
		return appeal.getStatus().describe(english);
	}

	/** W3C date and time with the offset of the appeal's time zone. */
	private String dateTime(Instant instant) {
		return (instant != null) ? DateTimeFormatter.ISO_OFFSET_DATE_TIME
			.format(OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), this.zone)) : null;
	}

	private Open311Client client(MultiValueMap<String, String> parameters) {
		List<String> keys = parameters.get("api_key");
		if (keys == null || keys.isEmpty() || keys.get(0).isBlank()) {
			throw ProblemException.unauthorized("api-key-required",
					"api_key: is required; an administrator issues one to each Open311 client");
		}
		return this.clients.authenticate(single(parameters, "api_key"))
			.orElseThrow(() -> ProblemException.unauthorized("invalid-api-key",
					"api_key: is not a key of an active Open311 client"));
	}

	private static String language(MultiValueMap<String, String> parameters, String acceptLanguage) {
		String locale = parameters.getFirst("locale");
		String asked = (locale != null) ? locale : acceptLanguage;
		return (asked != null && asked.toLowerCase(Locale.ROOT).startsWith("en")) ? "en" : "zh-CN";
	}

	private static String single(MultiValueMap<String, String> parameters, String name) {
		List<String> values = parameters.get(name);
		if (values != null && values.size() > 1) {
			throw ProblemException.invalid(name, "is given more than once");
		}
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	private static String optional(MultiValueMap<String, String> parameters, String name) {
		String value = single(parameters, name);
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static String required(MultiValueMap<String, String> parameters, String name) {
		String value = optional(parameters, name);
		if (value == null) {
			throw ProblemException.invalid(name, "is required");
		}
		return value;
	}

	/**
	 * Text as a person wrote it: control characters refused (the client can correct
	 * them), then normalised as every channel's text is.
	 */
	private static String text(MultiValueMap<String, String> parameters, String name, int max, boolean required) {
		String value = required ? required(parameters, name) : optional(parameters, name);
		if (value == null) {
			return null;
		}
		if (ChannelText.hasControlCharacters(value)) {
			throw ProblemException.invalid(name, "must not contain control or invisible formatting characters");
		}
		String cleaned = ChannelText.clean(value);
		if (cleaned.isEmpty()) {
			throw ProblemException.invalid(name, "has nothing but spaces");
		}
		if (cleaned.codePointCount(0, cleaned.length()) > max) {
			throw ProblemException.invalid(name, "must be at most " + max + " characters");
		}
		return cleaned;
	}

	private static Double coordinate(MultiValueMap<String, String> parameters, String name, int limit) {
		String value = optional(parameters, name);
		if (value == null) {
			return null;
		}
		if (!value.matches("[+-]?\\d{1,3}(\\.\\d{1,12})?")) {
			throw ProblemException.invalid(name, "must be a decimal number of degrees such as 39.9847");
		}
		double degrees = Double.parseDouble(value);
		if (Math.abs(degrees) > limit) {
			throw ProblemException.invalid(name, "must be between -" + limit + " and " + limit);
		}
		return degrees;
	}

	private Instant instant(MultiValueMap<String, String> parameters, String name, Instant otherwise) {
		String value = optional(parameters, name);
		if (value == null) {
			return otherwise;
		}
		Instant instant;
		try {
			instant = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw ProblemException.invalid(name, "must be a W3C date and time such as 2026-12-01T08:30:00+08:00");
		}
		if (instant.isBefore(RequestValues.EARLIEST)
				|| instant.isAfter(this.clock.instant().plus(Duration.ofDays(3660)))) {
			throw ProblemException.invalid(name, "must be between the year 2000 and ten years from now");
		}
		return instant;
	}

	private static List<String> list(String value, String name) {
		List<String> items = new ArrayList<>(new LinkedHashSet<>(List.of(value.split(","))).stream()
			.map(String::strip)
			.filter((item) -> !item.isEmpty())
			.toList());
		if (items.isEmpty()) {
			throw ProblemException.invalid(name, "must not be empty");
		}
		for (String item : items) {
			if (!item.matches("[A-Za-z0-9_-]{1,40}")) {
				throw ProblemException.invalid(name, "must be comma-separated codes; not '" + item + "'");
			}
		}
		return items;
	}

}
