package org.waystation.gateway.protection;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.waystation.api.ProblemBody;

/**
 * Problem details (RFC 9457), the error format of every Waystation API, written by the
 * gateway itself when it refuses a request.
 */
public final class Problems {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Problems() {
	}

	public static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String code, String detail,
			Map<String, Object> extra) {
		if (response.isCommitted()) {
			return Mono.empty();
		}
		Map<String, Object> body = ProblemBody.of(status.value(), status.getReasonPhrase(), code, detail);
		body.putAll(extra);
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		DataBuffer buffer = response.bufferFactory()
			.wrap(JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
		return response.writeWith(Mono.just(buffer));
	}

	public static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String code, String detail) {
		return write(response, status, code, detail, Map.of());
	}

}
