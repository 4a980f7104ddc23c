package dev.ticketing.common.security;

import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import dev.ticketing.common.jwt.TestKeys;
import dev.ticketing.common.web.TestApp;
import dev.ticketing.common.web.WebIntegrationTest;
import dev.ticketing.common.testing.TestHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityAutoConfigurationTests extends WebIntegrationTest {

	@Test
	void refusesAProtectedRouteWithoutAToken() {
		TestHttp.Response response = post("/api/protected");

		response.assertProblem(401, "unauthenticated");
		assertThat(response.header("WWW-Authenticate")).hasValue("Bearer");
	}

	@Test
	void refusesAProtectedRouteWithAnExpiredToken() {
		Instant now = Instant.now();
		String expired = TestApp.KEYS.builder(UUID.randomUUID(), now.minus(Duration.ofHours(1)))
			.expiration(Date.from(now.minus(Duration.ofMinutes(5))))
			.compact();

		TestHttp.Response response = post("/api/protected", "Authorization", "Bearer " + expired);

		response.assertProblem(401, "unauthenticated");
		assertThat(response.header("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
	}

	@Test
	void refusesAProtectedRouteWithAForgedToken() {
		TestKeys forger = new TestKeys(TestApp.KEYS.keyId(), TestKeys.generate().pair());

		post("/api/protected", "Authorization", "Bearer " + forger.token(Instant.now())).assertProblem(401,
				"unauthenticated");
	}

	@Test
	void refusesAProtectedRouteWithAForgedSessionCookie() {
		TestKeys forger = new TestKeys(TestApp.KEYS.keyId(), TestKeys.generate().pair());

		post("/api/protected", "Cookie", "session=" + forger.token(Instant.now())).assertProblem(401,
				"unauthenticated");
	}

	@Test
	void refusesAProtectedRouteWithGarbageInsteadOfAToken() {
		post("/api/protected", "Authorization", "Bearer not-a-token").assertProblem(401, "unauthenticated");
	}

	@Test
	void acceptsAValidBearerToken() {
		UUID userId = UUID.randomUUID();
		String token = TestApp.KEYS.builder(userId, Instant.now()).compact();

		TestHttp.Response response = post("/api/protected", "Authorization", "Bearer " + token);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("userId").asString()).isEqualTo(userId.toString());
	}

	@Test
	void acceptsAValidSessionCookie() {
		UUID userId = UUID.randomUUID();
		String token = TestApp.KEYS.builder(userId, Instant.now()).compact();

		TestHttp.Response response = post("/api/protected", "Cookie", "theme=dark; session=" + token);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("userId").asString()).isEqualTo(userId.toString());
	}

	@Test
	void prefersTheBearerTokenOverTheSessionCookie() {
		UUID bearerUser = UUID.randomUUID();
		String bearer = TestApp.KEYS.builder(bearerUser, Instant.now()).compact();
		String cookie = TestApp.KEYS.token(Instant.now());

		TestHttp.Response response = post("/api/protected", "Authorization", "Bearer " + bearer, "Cookie",
				"session=" + cookie);

		assertThat(response.json().path("userId").asString()).isEqualTo(bearerUser.toString());
	}

	@Test
	void givesControllersTheAuthenticatedUser() {
		UUID userId = UUID.randomUUID();
		String token = TestApp.KEYS.builder(userId, Instant.now()).compact();

		JsonNode me = this.http.get("/api/me", "Authorization", "Bearer " + token).json();

		assertThat(me.path("id").asString()).isEqualTo(userId.toString());
		assertThat(me.path("email").asString()).isEqualTo("ada@example.com");
	}

	@Test
	void letsAnInvalidTokenThroughOnAPublicRouteAsAnonymous() {
		TestHttp.Response response = this.http.get("/api/me", "Authorization", "Bearer not-a-token");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("anonymous").asBoolean()).isTrue();
	}

	@Test
	void letsAnExpiredSessionCookieThroughOnAPublicRouteAsAnonymous() {
		Instant now = Instant.now();
		String expired = TestApp.KEYS.builder(UUID.randomUUID(), now.minus(Duration.ofHours(1)))
			.expiration(Date.from(now.minus(Duration.ofMinutes(5))))
			.compact();

		TestHttp.Response response = this.http.get("/api/me", "Cookie", "session=" + expired);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("anonymous").asBoolean()).isTrue();
	}

	@Test
	void answersAnAuthenticatedUserWithoutTheRequiredRoleWith403() {
		String token = TestApp.KEYS.token(Instant.now());

		this.http.get("/api/admin", "Authorization", "Bearer " + token).assertProblem(403, "forbidden");
	}

	@Test
	void answersAnUnknownRouteWith404EvenWithoutAToken() {
		this.http.send("POST", "/api/protected/unknown", BodyPublishers.noBody()).assertProblem(404, "not_found");
	}

	@Test
	void createsNoSession() {
		String token = TestApp.KEYS.token(Instant.now());

		TestHttp.Response response = post("/api/protected", "Cookie", "session=" + token);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.raw().headers().allValues("Set-Cookie")).isEmpty();
	}

	private TestHttp.Response post(String path, String... headers) {
		return this.http.send("POST", path, BodyPublishers.noBody(), headers);
	}

}
