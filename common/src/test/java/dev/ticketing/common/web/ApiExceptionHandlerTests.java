package dev.ticketing.common.web;

import dev.ticketing.common.testing.TestHttp;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ApiExceptionHandlerTests extends WebIntegrationTest {

	@Test
	void acceptsAValidRequest() {
		TestHttp.Response response = this.http.postJson("/api/things", "{\"name\":\"lamp\",\"count\":2}");

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().path("name").asString()).isEqualTo("lamp");
	}

	@ParameterizedTest
	@ValueSource(strings = { "GET", "POST", "PUT", "DELETE" })
	void answersAnUnknownRouteWith404(String method) {
		TestHttp.Response response = this.http.send(method, "/api/nothing-here", BodyPublishers.ofString("{}"),
				"Content-Type", "application/json");

		response.assertProblem(404, "not_found");
	}

	@Test
	void answersAWrongMethodWith405AndTheAllowedMethods() {
		TestHttp.Response response = this.http.send("DELETE", "/api/things", BodyPublishers.noBody());

		response.assertProblem(405, "method_not_allowed");
		assertThat(response.header("Allow")).hasValueSatisfying((allow) -> assertThat(allow).contains("POST"));
	}

	@Test
	void answersAnUnsupportedContentTypeWith415() {
		TestHttp.Response response = this.http.send("POST", "/api/things", BodyPublishers.ofString("lamp, 2"),
				"Content-Type", "text/plain");

		response.assertProblem(415, "unsupported_media_type");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"name\":\"lamp\",", "not json", "{\"name\":\"lamp\",\"count\":2} trailing", "[1, 2]" })
	void answersMalformedJsonWith400(String body) {
		this.http.postJson("/api/things", body).assertProblem(400, "malformed_request");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"name\":123,\"count\":1}", "{\"name\":\"a\",\"count\":\"7\"}",
			"{\"name\":\"a\",\"count\":1.5}", "{\"name\":true,\"count\":1}", "{\"name\":\"a\",\"count\":true}",
			"{\"name\":{\"first\":\"a\"},\"count\":1}", "{\"name\":\"a\",\"count\":null}" })
	void answersWrongJsonTypesWith400(String body) {
		JsonNode problem = this.http.postJson("/api/things", body).assertProblem(400, "malformed_request");

		assertThat(problem.path("detail").asString()).doesNotContain("tools.jackson", "NewThing", "java.");
	}

	@Test
	void namesTheFieldWithTheWrongType() {
		JsonNode problem = this.http.postJson("/api/things", "{\"name\":\"a\",\"count\":\"7\"}")
			.assertProblem(400, "malformed_request");

		assertThat(problem.path("detail").asString()).contains("count");
	}

	@Test
	void answersAMissingBodyWith400() {
		this.http.send("POST", "/api/things", BodyPublishers.noBody(), "Content-Type", "application/json")
			.assertProblem(400, "malformed_request");
	}

	@Test
	void listsEveryInvalidFieldIn400() {
		JsonNode problem = this.http.postJson("/api/things", "{\"name\":\"\",\"count\":0}")
			.assertProblem(400, "validation_failed");

		assertThat(problem.path("errors").valueStream().map((error) -> error.path("field").asString()))
			.containsExactly("count", "name");
		assertThat(problem.path("errors").valueStream().map((error) -> error.path("message").asString()))
			.allSatisfy((message) -> assertThat(message).isNotBlank());
	}

	@Test
	void reportsATooLongField() {
		JsonNode problem = this.http.postJson("/api/things", "{\"name\":\"" + "x".repeat(21) + "\",\"count\":1}")
			.assertProblem(400, "validation_failed");

		assertThat(problem.path("errors").valueStream().map((error) -> error.path("field").asString()))
			.containsExactly("name");
	}

	@Test
	void ignoresUnknownFields() {
		TestHttp.Response response = this.http.postJson("/api/things",
				"{\"name\":\"lamp\",\"count\":2,\"colour\":\"red\"}");

		assertThat(response.status()).isEqualTo(201);
	}

	@Test
	void findsAThingByUuid() {
		UUID id = UUID.randomUUID();

		TestHttp.Response response = this.http.get("/api/things/" + id);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("id").asString()).isEqualTo(id.toString());
	}

	@ParameterizedTest
	@ValueSource(strings = { "not-a-uuid", "123", "00000000-0000-0000-0000-00000000000g" })
	void answersAMalformedIdInThePathWith404(String id) {
		this.http.get("/api/things/" + id).assertProblem(404, "not_found");
	}

	@Test
	void answersARefusalWithTheStatusOfItsCodeItsDetailAndRetryAfterInWholeSeconds() {
		TestHttp.Response response = this.http.send("POST", "/api/things/claim", BodyPublishers.noBody());

		JsonNode problem = response.assertProblem(429, "things_exhausted");
		assertThat(problem.path("detail").asString()).isEqualTo("No more things today.");
		assertThat(response.header("Retry-After")).hasValue("30");
	}

	@Test
	void namesBodyFieldsAndHeadersWhenBothAreValidatedTogether() {
		TestHttp.Response response = this.http.postJson("/api/things/labelled", "{\"name\": \"\", \"count\": 0}",
				"X-Label", "far too long");

		JsonNode problem = response.assertProblem(400, "validation_failed");
		assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("X-Label", "count", "name");
	}

	@Test
	void acceptsAValidBodyWithAValidatedHeader() {
		TestHttp.Response response = this.http.postJson("/api/things/labelled", "{\"name\": \"box\", \"count\": 1}",
				"X-Label", "red");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	@Test
	void answersARefusalNamingFieldsAsAValidationProblem() {
		TestHttp.Response response = this.http.send("POST", "/api/things/paint", BodyPublishers.noBody());

		JsonNode problem = response.assertProblem(400, "validation_failed");
		assertThat(problem.path("errors")).hasSize(1);
		assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("colour");
		assertThat(problem.path("errors").get(0).path("message").asString()).isEqualTo("is not a colour we paint");
	}

	@Test
	void acceptsValidQueryParameters() {
		TestHttp.Response response = this.http.get("/api/things?page=2&size=100");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("size").asInt()).isEqualTo(100);
	}

	@Test
	void listsInvalidQueryParametersIn400() {
		JsonNode problem = this.http.get("/api/things?page=-1&size=101").assertProblem(400, "validation_failed");

		assertThat(problem.path("errors").valueStream().map((error) -> error.path("field").asString()))
			.containsExactly("page", "size");
	}

	@Test
	void answersAQueryParameterOfTheWrongTypeWith400() {
		JsonNode problem = this.http.get("/api/things?size=lots").assertProblem(400, "validation_failed");

		assertThat(problem.path("errors").valueStream().map((error) -> error.path("field").asString()))
			.containsExactly("size");
		assertThat(problem.path("errors").get(0).path("message").asString()).isEqualTo("has the wrong type or format");
	}

	@ParameterizedTest
	@ValueSource(strings = { "page=-1", "page=1.5", "page=abc", "page=2147483648", "size=0", "size=101" })
	void refusesEveryPageOrSizeThatIsNotAWholeNumberInRange(String query) {
		JsonNode problem = this.http.get("/api/things?" + query).assertProblem(400, "validation_failed");

		assertThat(problem.path("errors").findValuesAsString("field")).containsExactly(query.split("=")[0]);
	}

	@Test
	void pagesDefaultToTheFirstOfTwenty() {
		for (String query : new String[] { "", "?page=&size=" }) {
			JsonNode page = this.http.get("/api/things" + query).json();

			assertThat(page.path("page").asInt()).as(query).isZero();
			assertThat(page.path("size").asInt()).as(query).isEqualTo(20);
		}
	}

	@Test
	void reportsPagingOnItsOwnBeforeTheRouteOwnParameters() {
		JsonNode problem = this.http.get("/api/things?size=0&rating=10").assertProblem(400, "validation_failed");

		assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("size");
	}

	@Test
	void answersARefusalWhoseCodeHasNoStatusWith500() {
		TestHttp.Response response = this.http.send("POST", "/api/things/lose", BodyPublishers.noBody());

		response.assertProblem(500, "internal_error");
		assertThat(response.body()).doesNotContain("things_misplaced", "Nobody knows");
	}

	@Test
	void answersAnUnacceptableMediaTypeWithAProblem() {
		this.http.get("/api/things/" + UUID.randomUUID(), "Accept", "application/xml")
			.assertProblem(406, "not_acceptable");
	}

	@Test
	void answersBrowsersWithProblemJsonToo() {
		this.http.get("/api/nothing-here", "Accept", "text/html").assertProblem(404, "not_found");
	}

	@Test
	void answersAnUnexpectedExceptionWith500WithoutItsDetails() {
		TestHttp.Response response = this.http.get("/api/boom");

		response.assertProblem(500, "internal_error");
		assertThat(response.body()).doesNotContain("SELECT", "secret", "Exception", "dev.ticketing", "trace");
	}

	@Test
	void answersAFailureForWantOfTheDatabaseWith503AndRetryAfter() {
		TestHttp.Response response = this.http.send("POST", "/api/things/unreachable", BodyPublishers.noBody());

		response.assertProblem(503, "service_unavailable");
		assertThat(response.header("Retry-After")).hasValue("5");
		assertThat(response.body()).doesNotContain("connection", "JDBC", "Exception", "08003");
	}

}
