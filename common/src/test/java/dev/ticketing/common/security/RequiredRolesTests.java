package dev.ticketing.common.security;

import java.net.http.HttpRequest.BodyPublishers;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.ticketing.common.jwt.TokenClaims;
import dev.ticketing.common.testing.TestHttp;
import dev.ticketing.common.web.TestApp;
import dev.ticketing.common.web.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A route that requires a role ({@code hasRole(Roles.DOOR)} in {@link TestApp}'s
 * {@link ProtectedRoutes}) over HTTP: anonymous is 401, signed in without the role is 403
 * {@code forbidden}, with it the controller runs and sees the user's roles.
 */
class RequiredRolesTests extends WebIntegrationTest {

	@Test
	void refusesAnAnonymousRequestWith401() {
		TestHttp.Response response = checkin();

		response.assertProblem(401, "unauthenticated");
		assertThat(response.header("WWW-Authenticate")).hasValue("Bearer");
	}

	@Test
	void refusesAUserWithoutRolesWith403Forbidden() {
		checkin("Authorization", "Bearer " + token()).assertProblem(403, "forbidden");
	}

	@Test
	void refusesAUserWithAnotherRoleWith403Forbidden() {
		checkin("Authorization", "Bearer " + token(Roles.SUPPORT)).assertProblem(403, "forbidden");
	}

	@Test
	void refusesARoleNamedInAnotherCaseOrAsAnAuthority() {
		checkin("Authorization", "Bearer " + token("DOOR")).assertProblem(403, "forbidden");
		checkin("Authorization", "Bearer " + token("ROLE_door")).assertProblem(403, "forbidden");
	}

	@Test
	void letsAUserWithTheRoleThrough() {
		UUID userId = UUID.randomUUID();

		TestHttp.Response response = checkin("Authorization", "Bearer " + token(userId, Roles.DOOR));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("checkedInBy").asString()).isEqualTo(userId.toString());
		assertThat(response.json().path("door").asBoolean()).isTrue();
	}

	@Test
	void letsAUserWithTheRoleAmongOthersThroughByCookie() {
		TestHttp.Response response = checkin("Cookie", "session=" + token(Roles.SUPPORT, Roles.DOOR), "Origin",
				this.http.origin());

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("roles").valueStream().map(JsonNode::asString)).containsExactly("door",
				"support");
	}

	@Test
	void refusesATokenWithAMalformedRolesClaimWith401() {
		String token = TestApp.KEYS.builder(UUID.randomUUID(), Instant.now())
			.claim(TokenClaims.ROLES, List.of(List.of(Roles.DOOR)))
			.compact();

		TestHttp.Response response = checkin("Authorization", "Bearer " + token);

		response.assertProblem(401, "unauthenticated");
		assertThat(response.header("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
	}

	@Test
	void givesControllersTheUsersRolesAndNoneWhenTheTokenHasNone() {
		JsonNode door = this.http.get("/api/me", "Authorization", "Bearer " + token(Roles.DOOR)).json();
		JsonNode none = this.http.get("/api/me", "Authorization", "Bearer " + token()).json();

		assertThat(door.path("roles").valueStream().map(JsonNode::asString)).containsExactly("door");
		assertThat(none.path("roles").isArray()).isTrue();
		assertThat(none.path("roles").isEmpty()).isTrue();
	}

	private TestHttp.Response checkin(String... headers) {
		return this.http.send("POST", "/api/checkins", BodyPublishers.noBody(), headers);
	}

	private static String token(String... roles) {
		return token(UUID.randomUUID(), roles);
	}

	private static String token(UUID userId, String... roles) {
		return TestApp.KEYS.builder(userId, Instant.now().minusSeconds(1))
			.claim(TokenClaims.ROLES, (roles.length > 0) ? List.of(roles) : null)
			.compact();
	}

}
