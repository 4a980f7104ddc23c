package dev.ticketing.common.apidocs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

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
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;

import dev.ticketing.common.security.ProtectedRoutes;
import dev.ticketing.common.security.SessionCookies;
import dev.ticketing.common.web.PageQuery;
import dev.ticketing.common.web.Problems;

/**
 * What every service's OpenAPI document shares (docs/adr/0023): the problem schema on
 * every error response, the session and Bearer schemes, the paging parameters, and routes
 * open to anyone for the document and Swagger UI, which a service serves under its base
 * path ({@code springdoc.api-docs.path}, {@code springdoc.swagger-ui.path}).
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "springdoc.api-docs.enabled", matchIfMissing = true)
public class ApiDocsAutoConfiguration {

	private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	static {
		// Read by PageQueryResolver from ?page=&size=, described as those two parameters
		// (pageParameters) rather than as an object.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(PageQuery.class);
	}

	/**
	 * The document's base: its title, and the origin it was read from as its server. A
	 * server computed from the request would be wrong behind the origin, which forwards
	 * no port (http://localhost for http://localhost:3000), and "/" is right wherever the
	 * document is read: through the origin, the ingress or the service itself.
	 */
	@Bean
	@ConditionalOnMissingBean
	OpenAPI ticketingOpenApi(@Value("${spring.application.name:service}") String name) {
		return new OpenAPI().info(new Info().title(name).version("v1").description("DESIGN §2 (docs/design.md)"))
			.servers(List.of(new Server().url("/").description("The origin this document is read from")));
	}

	@Bean
	OpenApiCustomizer ticketingApiDocs() {
		return (openApi) -> {
			Components components = (openApi.getComponents() != null) ? openApi.getComponents() : new Components();
			openApi.components(components.addSchemas(ApiDocs.INVALID_FIELD, invalidFieldSchema())
				.addSchemas(ApiDocs.PROBLEM, problemSchema())
				.addSecuritySchemes(ApiDocs.SESSION, sessionScheme())
				.addSecuritySchemes(ApiDocs.BEARER, bearerScheme()));
			if (openApi.getPaths() != null) {
				openApi.getPaths()
					.values()
					.forEach((path) -> path.readOperations().forEach(ApiDocsAutoConfiguration::complete));
			}
		};
	}

	/** {@code ?page=&size=} wherever a controller takes a {@link PageQuery}. */
	@Bean
	OperationCustomizer pageParameters() {
		return (operation, handler) -> {
			for (MethodParameter parameter : handler.getMethodParameters()) {
				if (parameter.getParameterType() == PageQuery.class) {
					operation.addParametersItem(new Parameter().in("query")
						.name("page")
						.description("The page number, from 0.")
						.schema(new IntegerSchema().minimum(BigDecimal.ZERO)._default(0)));
					operation.addParametersItem(new Parameter().in("query")
						.name("size")
						.description("How many items a page holds.")
						.schema(new IntegerSchema().minimum(BigDecimal.ONE)
							.maximum(BigDecimal.valueOf(PageQuery.MAX_SIZE))
							._default(PageQuery.DEFAULT_SIZE)));
				}
			}
			return operation;
		};
	}

	/**
	 * The document and Swagger UI (its page, assets and configuration) are open to
	 * anyone, also under a base path whose every other route needs a signed-in user.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	ProtectedRoutes apiDocsRoutes(SpringDocConfigProperties docs, ObjectProvider<SwaggerUiConfigProperties> ui) {
		List<String> paths = new ArrayList<>(List.of(docs.getApiDocs().getPath(), docs.getApiDocs().getPath() + "/**"));
		SwaggerUiConfigProperties swaggerUi = ui.getIfAvailable();
		if (swaggerUi != null && swaggerUi.getPath() != null) {
			String page = swaggerUi.getPath();
			paths.add(page);
			paths.add(page.substring(0, page.lastIndexOf('/')) + "/swagger-ui/**");
		}
		String[] open = paths.toArray(String[]::new);
		return (routes) -> routes.requestMatchers(HttpMethod.GET, open).permitAll();
	}

	/**
	 * Gives each error response the problem schema, and each operation that takes the
	 * session cookie the Bearer alternative, as JwtAuthenticationFilter reads either.
	 */
	private static void complete(Operation operation) {
		if (operation.getResponses() != null) {
			operation.getResponses().forEach((code, response) -> {
				// Every error of the API is a problem (DESIGN §2), whatever the handler
				// method returns when it succeeds.
				if (isError(code)) {
					response.content(problemContent());
				}
			});
		}
		List<SecurityRequirement> security = operation.getSecurity();
		if (security != null && security.stream().anyMatch((requirement) -> requirement.containsKey(ApiDocs.SESSION))
				&& security.stream().noneMatch((requirement) -> requirement.containsKey(ApiDocs.BEARER))) {
			operation.addSecurityItem(new SecurityRequirement().addList(ApiDocs.BEARER));
		}
	}

	private static boolean isError(String code) {
		return code.length() == 3 && (code.charAt(0) == '4' || code.charAt(0) == '5');
	}

	private static Content problemContent() {
		return new Content().addMediaType(PROBLEM_JSON,
				new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ApiDocs.PROBLEM)));
	}

	private static Schema<?> problemSchema() {
		Schema<?> problem = new ObjectSchema()
			.description("RFC 9457 problem details (DESIGN §2), always as " + PROBLEM_JSON + ".")
			.addProperty("type",
					new StringSchema().format("uri")
						.description("'" + Problems.TYPE_PREFIX + "' followed by the code.")
						.example(Problems.TYPE_PREFIX + "order_not_found"))
			.addProperty("title", new StringSchema().description("The status's reason phrase.").example("Not Found"))
			.addProperty("status", new IntegerSchema().description("The HTTP status.").example(404))
			.addProperty("detail",
					new StringSchema().description("What went wrong, safe to show a user.").example("No such order."))
			.addProperty("instance", new StringSchema().format("uri").description("Present only when known."))
			.addProperty("code",
					new StringSchema().description("Stable, machine-readable, snake_case: what a client acts on.")
						.example("order_not_found"))
			.addProperty("errors",
					new ArraySchema().items(new Schema<>().$ref("#/components/schemas/" + ApiDocs.INVALID_FIELD))
						.description("The invalid fields of a 400 validation_failed problem, and only there."));
		problem.required(List.of("type", "title", "status", "detail", "code"));
		// A refusal may add members of its own, e.g. checkedInAt of already_checked_in.
		problem.additionalProperties(Boolean.TRUE);
		return problem;
	}

	private static Schema<?> invalidFieldSchema() {
		return new ObjectSchema().description("A field of the request and what is wrong with it.")
			.addProperty("field",
					new StringSchema().description("The field's name as the client sent it.").example("email"))
			.addProperty("message",
					new StringSchema().description("What is wrong, without its subject.")
						.example("must be a well-formed email address"))
			.required(List.of("field", "message"));
	}

	private static SecurityScheme sessionScheme() {
		return new SecurityScheme().type(SecurityScheme.Type.APIKEY)
			.in(SecurityScheme.In.COOKIE)
			.name(SessionCookies.SESSION)
			.description("The access token (an EdDSA JWT, 15 minutes) in the HttpOnly cookie '" + SessionCookies.SESSION
					+ "' that sign-up, sign-in and refresh set (docs/adr/0004). An unsafe"
					+ " request (POST, PUT, PATCH, DELETE) authenticated by cookie is refused with 403 csrf_rejected"
					+ " when Sec-Fetch-Site is cross-site or its Origin is not an allowed origin.");
	}

	private static SecurityScheme bearerScheme() {
		return new SecurityScheme().type(SecurityScheme.Type.HTTP)
			.scheme("bearer")
			.bearerFormat("JWT")
			.description("The same access token as 'Authorization: Bearer <jwt>', for API clients; not subject to"
					+ " the CSRF rule.");
	}

}
