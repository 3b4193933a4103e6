package org.waystation.support.web.docs;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.waystation.api.ProblemBody;
import org.waystation.support.security.Caller;
import org.waystation.support.security.EndpointAccess;

/**
 * Describes the service's API in OpenAPI 3: served at {@code /v3/api-docs} to anyone (it
 * holds no data), and through the gateway at {@code /api-docs/<service>} with the
 * browsable viewer at {@code /swagger-ui.html}. Every operation says who may call it and
 * documents the refusals it may answer in the one problem-detail format (RFC 9457) every
 * service writes.
 */
@AutoConfiguration
public class ApiDocumentation {

	/** The schema of every refusal's body. */
	public static final String PROBLEM = "Problem";

	private static final String BEARER = "bearer";

	private static final Map<String, String> REFUSALS = Map.of("400",
			"Bad input: `errors` names each field in the API's terms and its problem, all at once", "401",
			"No valid access token", "403", "Seen, but not the caller's to do", "404",
			"No such object, or not one the caller may see (both answer alike)", "409",
			"The object's state does not allow it (the reason, and for cases `caseStatus`)", "429",
			"Too many requests: try again after `Retry-After` seconds");

	static {
		// Who is calling comes from the token, never from a parameter.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
	}

	@Bean
	OpenApiCustomizer waystationApiDescription(@Value("${spring.application.name:waystation}") String service) {
		return (api) -> {
			api.info(new Info().title("Waystation " + service)
				.version("v1")
				.description("The " + service + " API. Call it through the gateway with "
						+ "`Authorization: Bearer <access token>` (see POST /api/v1/auth/login). Every refusal "
						+ "is a problem detail (`application/problem+json`) with a stable `code`."));
			// Relative: the viewer sends requests to where it loaded the description
			// from,
			// the gateway.
			api.servers(List.of(new Server().url("/").description("the gateway")));
			Components components = (api.getComponents() != null) ? api.getComponents() : new Components();
			components.addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"));
			components.addSchemas(PROBLEM, problemSchema());
			api.components(components);
			if (api.getPaths() != null) {
				api.getPaths().values().forEach((path) -> path.readOperations().forEach(ApiDocumentation::refusals));
			}
		};
	}

	/** Who may call each operation, from the same rule the service enforces. */
	@Bean
	OperationCustomizer waystationEndpointRules() {
		return (operation, handler) -> {
			EndpointAccess.ruleOf(handler.getMethod(), handler.getBeanType()).ifPresent((who) -> {
				operation
					.setDescription(((operation.getDescription() != null) ? operation.getDescription() + "\n\n" : "")
							+ "**Who may call it:** " + who);
				if (!EndpointAccess.isOpen(handler.getMethod(), handler.getBeanType())) {
					operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
				}
			});
			return operation;
		};
	}

	private static void refusals(Operation operation) {
		REFUSALS.forEach((status, description) -> {
			if (operation.getResponses() != null && !operation.getResponses().containsKey(status)) {
				operation.getResponses()
					.addApiResponse(status, new ApiResponse().description(description)
						.content(new Content().addMediaType(ProblemBody.MEDIA_TYPE,
								new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
			}
		});
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Schema<?> problemSchema() {
		ObjectSchema fieldProblem = new ObjectSchema();
		fieldProblem.addProperty("field", new StringSchema().description("the field, in the API's own terms"));
		fieldProblem.addProperty("problem", new StringSchema().description("what is wrong with it"));
		Schema problem = new ObjectSchema().description("A refusal, as RFC 9457 problem details");
		problem.addProperty("type", new StringSchema().example("about:blank"));
		problem.addProperty("title", new StringSchema().example("Bad Request"));
		problem.addProperty("status", new IntegerSchema().example(400));
		problem.addProperty("detail", new StringSchema().example("Invalid request: text is required"));
		problem.addProperty("instance", new StringSchema().example("/api/v1/appeals"));
		problem.addProperty("code",
				new StringSchema().description("the stable name clients branch on").example("invalid-request"));
		problem.addProperty("errors", new ArraySchema().items(fieldProblem).description("every bad field (400)"));
		return problem;
	}

}
