package dev.ticketing.auth.account;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.UUID;

import dev.ticketing.auth.AuthIntegrationTest;
import dev.ticketing.common.testing.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of bad request gets its problem response and stores nothing.
 */
class BadInputIntegrationTests extends AuthIntegrationTest {

	String email;

	@BeforeEach
	void setUp() {
		this.email = "bad-input-" + UUID.randomUUID() + "@example.com";
	}

	@Test
	void malformedJsonIs400() {
		assertRefused(this.http.postJson("/api/users/signup", "{\"email\": \"" + this.email + "\", \"password\": "),
				400, "malformed_request");
		assertRefused(this.http.postJson("/api/users/signup", "not json at all"), 400, "malformed_request");
		assertRefused(
				this.http.postJson("/api/users/signup",
						"{\"email\": \"" + this.email + "\", \"password\": \"password1\"} trailing"),
				400, "malformed_request");
	}

	@Test
	void aFieldGivenTwiceIs400AndCreatesNoAccount() {
		String other = "other-" + this.email;
		for (String body : new String[] {
				"{\"email\": \"" + this.email + "\", \"password\": \"password1\", \"email\": \"" + other + "\"}",
				"{\"email\": \"" + other + "\", \"password\": \"password1\", \"email\": \"" + this.email + "\"}",
				"{\"email\": \"" + this.email + "\", \"password\": \"password1\", \"password\": \"password2\"}" }) {
			Response response = this.http.postJson("/api/users/signup", body);
			assertRefused(response, 400, "malformed_request");
			assertThat(response.json().path("detail").asString())
				.isEqualTo("The request body has a field more than once.");
			assertThat(usersWithEmail(other)).isZero();
		}
	}

	@Test
	void wrongJsonTypesAre400() {
		assertRefused(this.http.postJson("/api/users/signup", "{\"email\": 42, \"password\": \"password1\"}"), 400,
				"malformed_request");
		assertRefused(
				this.http.postJson("/api/users/signup", "{\"email\": \"" + this.email + "\", \"password\": 12345678}"),
				400, "malformed_request");
		assertRefused(
				this.http.postJson("/api/users/signup",
						"{\"email\": [\"" + this.email + "\"], \"password\": \"password1\"}"),
				400, "malformed_request");
		assertRefused(this.http.postJson("/api/users/signup", "[]"), 400, "malformed_request");
		assertRefused(this.http.postJson("/api/users/signup", "\"a string\""), 400, "malformed_request");
	}

	@Test
	void wrongTypeProblemNamesTheFieldButNoInternals() {
		Response response = this.http.postJson("/api/users/signup",
				"{\"email\": \"" + this.email + "\", \"password\": {\"nested\": true}}");
		assertRefused(response, 400, "malformed_request");
		assertThat(response.json().get("detail").asString()).contains("password");
		assertThat(response.body()).doesNotContain("tools.jackson", "dev.ticketing", "Exception", "Credentials");
	}

	@Test
	void missingBodyIs400() {
		assertRefused(this.http.post("/api/users/signup", HttpRequest.BodyPublishers.noBody(), "Content-Type",
				"application/json"), 400, "malformed_request");
	}

	@Test
	void nullFieldsAreValidationErrors() {
		Response response = this.http.postJson("/api/users/signup", "{\"email\": null, \"password\": null}");
		assertRefused(response, 400, "validation_failed");
		assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("email", "password");
	}

	@Test
	void bodyOverTheLimitIs413() {
		String huge = "{\"email\": \"" + this.email + "\", \"password\": \"" + "x".repeat(1024 * 1024) + "\"}";
		assertRefused(this.http.postJson("/api/users/signup", huge), 413, "payload_too_large");
		// Without a Content-Length (chunked), the limit is enforced while reading.
		HttpRequest.BodyPublisher chunked = HttpRequest.BodyPublishers
			.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes()));
		assertRefused(this.http.post("/api/users/signup", chunked, "Content-Type", "application/json"), 413,
				"payload_too_large");
	}

	@Test
	void unknownRouteIs404() {
		assertRefused(this.http.get("/api/users/nope"), 404, "not_found");
		assertRefused(this.http.postJson("/api/users/nope", "{}"), 404, "not_found");
		assertRefused(this.http.get("/nothing/here"), 404, "not_found");
	}

	@Test
	void wrongMethodIs405() {
		Response response = this.http.get("/api/users/signup");
		assertRefused(response, 405, "method_not_allowed");
		assertThat(response.header("Allow")).hasValueSatisfying((allow) -> assertThat(allow).contains("POST"));
		assertRefused(this.http.send("DELETE", "/api/users/currentuser", HttpRequest.BodyPublishers.noBody()), 405,
				"method_not_allowed");
	}

	@Test
	void wrongContentTypeIs415() {
		String body = "{\"email\": \"" + this.email + "\", \"password\": \"password1\"}";
		assertRefused(this.http.post("/api/users/signup", HttpRequest.BodyPublishers.ofString(body), "Content-Type",
				"text/plain"), 415, "unsupported_media_type");
		assertRefused(this.http.post("/api/users/signup", HttpRequest.BodyPublishers.ofString("email=a&password=b"),
				"Content-Type", "application/x-www-form-urlencoded"), 415, "unsupported_media_type");
	}

	@Test
	void requestIdIsEchoedOrGenerated() {
		Response supplied = this.http.get("/api/users/nope", "X-Request-Id", "trace-me-123");
		Response generated = this.http.get("/api/users/currentuser");
		assertThat(supplied.header("X-Request-Id")).hasValue("trace-me-123");
		assertThat(generated.header("X-Request-Id")).hasValueSatisfying((id) -> UUID.fromString(id));
	}

	void assertRefused(Response response, int status, String code) {
		assertProblem(response, status, code);
		assertThat(usersWithEmail(this.email)).isZero();
		assertThat(response.setCookies()).isEmpty();
	}

}
