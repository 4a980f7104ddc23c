package dev.ticketing.common.testing;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.ticketing.common.testing.DesignRoutes.Route;
import dev.ticketing.common.testing.TestHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a service's OpenAPI document must say (docs/adr/0023), for a service's
 * {@code ApiDocsIntegrationTests} to implement against its running test server: every
 * route and status of its table in docs/design.md, the problem schema on every error, the
 * session scheme on the routes that need a signed-in user, and Swagger UI under the
 * service's base path.
 */
public interface ApiDocsContract {

	/** The service's base path, e.g. {@code /api/orders}. */
	String basePath();

	/** How many routes the service's table in docs/design.md has. */
	int designedRoutes();

	/** HTTP to the running service. */
	TestHttp apiDocsHttp();

	@Test
	default void describesEveryRouteAndStatusOfTheDesign() {
		List<Route> routes = DesignRoutes.under(basePath());
		assertThat(routes).as("routes of the design under %s", basePath()).hasSize(designedRoutes());
		JsonNode paths = document().path("paths");

		List<String> missing = new ArrayList<>();
		for (Route route : routes) {
			JsonNode operation = paths.path(route.path()).path(route.method().toLowerCase(Locale.ROOT));
			if (operation.isMissingNode()) {
				missing.add(route.method() + " " + route.path());
				continue;
			}
			for (int status : route.statuses()) {
				JsonNode response = operation.path("responses").path(Integer.toString(status));
				if (response.isMissingNode()) {
					missing.add(route.method() + " " + route.path() + " " + status);
				}
				else if (status >= 400) {
					assertThat(response.path("content")
						.path("application/problem+json")
						.path("schema")
						.path("$ref")
						.asString()).as("schema of %s %s %d", route.method(), route.path(), status)
						.isEqualTo("#/components/schemas/Problem");
				}
			}
		}
		assertThat(missing).as("routes and statuses of the design missing from the document").isEmpty();
	}

	@Test
	default void describesTheProblemShapeAndTheSessionCookie() {
		JsonNode components = document().path("components");

		JsonNode problem = components.path("schemas").path("Problem");
		assertThat(problem.path("properties").propertyNames()).contains("type", "title", "status", "detail", "code",
				"errors");
		assertThat(problem.path("required").values()).extracting(JsonNode::asString)
			.contains("type", "title", "status", "detail", "code");
		assertThat(problem.path("properties").path("errors").path("items").path("$ref").asString())
			.isEqualTo("#/components/schemas/InvalidField");
		assertThat(components.path("schemas").path("InvalidField").path("properties").propertyNames())
			.containsExactlyInAnyOrder("field", "message");

		JsonNode session = components.path("securitySchemes").path("session");
		assertThat(session.path("type").asString()).isEqualTo("apiKey");
		assertThat(session.path("in").asString()).isEqualTo("cookie");
		assertThat(session.path("name").asString()).isEqualTo("session");
		assertThat(components.path("securitySchemes").path("bearer").path("scheme").asString()).isEqualTo("bearer");
	}

	/**
	 * Swagger UI sends its requests where the document was read from: behind the origin,
	 * which forwards no port, a server computed from the request would lose it.
	 */
	@Test
	default void namesTheOriginItIsReadFromAsItsServer() {
		assertThat(document().path("servers").values()).extracting((server) -> server.path("url").asString())
			.containsExactly("/");
	}

	/**
	 * The document's marks agree with the service's security: each operation it says
	 * needs the session refuses a caller without one.
	 */
	@Test
	default void marksOnlyRoutesThatRefuseAnonymousCallersAsNeedingTheSession() {
		List<String> open = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : document().path("paths").properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				if (operation.getValue().path("security").isEmpty()) {
					continue;
				}
				String method = operation.getKey().toUpperCase(Locale.ROOT);
				String target = path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
				Response response = apiDocsHttp().send(method, target, BodyPublishers.ofString("{}"), "Content-Type",
						"application/json");
				if (response.status() != 401) {
					open.add(method + " " + path.getKey() + " answered " + response.status());
				}
			}
		}
		assertThat(open).as("operations marked as needing the session that answer a caller without one").isEmpty();
	}

	@Test
	default void servesSwaggerUiUnderTheBasePath() {
		Response page = apiDocsHttp().get(basePath() + "/swagger-ui.html");
		assertThat(page.status()).isEqualTo(302);
		String index = page.header("Location").orElseThrow();
		assertThat(index).isEqualTo(basePath() + "/swagger-ui/index.html");

		Response ui = apiDocsHttp().get(index);
		assertThat(ui.status()).isEqualTo(200);
		assertThat(ui.contentType()).startsWith("text/html");
		assertThat(ui.body()).contains("swagger-ui");
		assertThat(apiDocsHttp().get(basePath() + "/swagger-ui/swagger-ui-bundle.js").status()).isEqualTo(200);
		Response initializer = apiDocsHttp().get(basePath() + "/swagger-ui/swagger-initializer.js");
		assertThat(initializer.status()).isEqualTo(200);
		assertThat(initializer.body()).contains(basePath() + "/v3/api-docs/swagger-config");

		Response config = apiDocsHttp().get(basePath() + "/v3/api-docs/swagger-config");
		assertThat(config.status()).isEqualTo(200);
		assertThat(config.json().path("url").asString()).isEqualTo(basePath() + "/v3/api-docs");
	}

	private JsonNode document() {
		Response response = apiDocsHttp().get(basePath() + "/v3/api-docs");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		return response.json();
	}

}
