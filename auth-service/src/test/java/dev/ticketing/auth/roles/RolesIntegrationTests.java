package dev.ticketing.auth.roles;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ticketing.auth.AuthIntegrationTest;
import dev.ticketing.common.security.Roles;
import dev.ticketing.common.testing.TestHttp;
import dev.ticketing.common.testing.TestHttp.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Roles end to end against the real database and over HTTP: granted and revoked with the
 * command's service, carried by the access token from the next refresh or sign-in on,
 * shown by {@code currentuser}, and changed by no HTTP route.
 */
class RolesIntegrationTests extends AuthIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	private RoleService roles;

	@Test
	void aNewAccountHasNoRolesAndItsTokenNoRolesClaim() {
		Response signup = signup(uniqueEmail(), "correct horse");

		assertThat(claims(signup.cookieValue("session")).has("roles")).isFalse();
		assertThat(currentUserRoles(signup.cookieValue("session"))).isEmpty();
		assertThat(storedRoles(signup)).isEmpty();
	}

	@Test
	void aGrantedRoleIsInTheAccessTokenFromTheNextRefreshOn() {
		String email = uniqueEmail();
		Response signup = signup(email, "correct horse");

		RoleService.RoleChange change = this.roles.grant(Roles.DOOR, email);

		assertThat(change.changed()).isTrue();
		assertThat(change.email()).isEqualTo(email);
		// The token issued before the grant is as it was: the role takes effect at the
		// next refresh.
		assertThat(currentUserRoles(signup.cookieValue("session"))).isEmpty();
		Response refreshed = refresh(signup.cookieValue("refresh"));
		assertThat(refreshed.status()).isEqualTo(200);
		assertThat(claims(refreshed.cookieValue("session")).get("roles").isArray()).isTrue();
		assertThat(claimedRoles(refreshed.cookieValue("session"))).containsExactly("door");
		assertThat(currentUserRoles(refreshed.cookieValue("session"))).containsExactly("door");
		assertThat(refreshed.json().has("roles")).isFalse();
	}

	@Test
	void aGrantedRoleIsInTheAccessTokenOfTheNextSignIn() {
		String email = uniqueEmail();
		signup(email, "correct horse");
		this.roles.grant(Roles.SUPPORT, email.toUpperCase());

		Response signin = this.http.postJson("/api/users/signin",
				TestHttp.json(Map.of("email", email, "password", "correct horse")));

		assertThat(signin.status()).isEqualTo(200);
		assertThat(claimedRoles(signin.cookieValue("session"))).containsExactly("support");
	}

	@Test
	void aRevokedRoleLeavesTheAccessTokenAtTheNextRefreshAndTheLastOneTakesTheClaimAlong() {
		String email = uniqueEmail();
		Response signup = signup(email, "correct horse");
		this.roles.grant(Roles.SUPPORT, email);
		this.roles.grant(Roles.DOOR, email);
		Response both = refresh(signup.cookieValue("refresh"));
		assertThat(claimedRoles(both.cookieValue("session"))).containsExactly("door", "support");
		assertThat(currentUserRoles(both.cookieValue("session"))).containsExactly("door", "support");

		assertThat(this.roles.revoke(Roles.DOOR, email).changed()).isTrue();
		Response supportOnly = refresh(both.cookieValue("refresh"));
		assertThat(claimedRoles(supportOnly.cookieValue("session"))).containsExactly("support");

		assertThat(this.roles.revoke(Roles.SUPPORT, email).changed()).isTrue();
		Response none = refresh(supportOnly.cookieValue("refresh"));
		assertThat(none.status()).isEqualTo(200);
		assertThat(claims(none.cookieValue("session")).has("roles")).isFalse();
		assertThat(currentUserRoles(none.cookieValue("session"))).isEmpty();
	}

	@Test
	void grantingARoleHeldAndRevokingOneNotHeldChangeNothing() {
		String email = uniqueEmail();
		Response signup = signup(email, "correct horse");

		assertThat(this.roles.revoke(Roles.DOOR, email).changed()).isFalse();
		assertThat(this.roles.grant(Roles.DOOR, email).changed()).isTrue();
		assertThat(this.roles.grant(Roles.DOOR, email).changed()).isFalse();
		assertThat(this.roles.revoke(Roles.SUPPORT, email).changed()).isFalse();

		assertThat(storedRoles(signup)).containsExactly("door");
		assertThat(this.roles.show(email).roles()).containsExactly("door");
	}

	@Test
	void showsTheStoredRolesSortedBeforeAnyRefresh() {
		String email = uniqueEmail();
		signup(email, "correct horse");
		assertThat(this.roles.show(email).roles()).isEmpty();

		this.roles.grant(Roles.SUPPORT, email);
		this.roles.grant(Roles.DOOR, email);

		assertThat(this.roles.show(email.toLowerCase()))
			.isEqualTo(new RoleService.HeldRoles(email, List.of("door", "support")));
	}

	@Test
	void refusesAnUnknownRoleAndChangesNothing() {
		String email = uniqueEmail();
		Response signup = signup(email, "correct horse");

		for (String role : List.of("admin", "DOOR", "Door", "door ", "", "ROLE_door")) {
			assertThatExceptionOfType(UnknownRoleException.class).isThrownBy(() -> this.roles.grant(role, email))
				.withMessage("unknown role " + role + "; the roles are door, support");
			assertThatExceptionOfType(UnknownRoleException.class).isThrownBy(() -> this.roles.revoke(role, email));
		}
		assertThat(storedRoles(signup)).isEmpty();
	}

	@Test
	void refusesAnUnknownEmail() {
		String email = uniqueEmail();

		assertThatExceptionOfType(AccountNotFoundException.class).isThrownBy(() -> this.roles.grant(Roles.DOOR, email))
			.withMessage("no account has the email " + email);
		assertThatExceptionOfType(AccountNotFoundException.class)
			.isThrownBy(() -> this.roles.revoke(Roles.DOOR, email));
		assertThatExceptionOfType(AccountNotFoundException.class).isThrownBy(() -> this.roles.show(email));
		assertThat(usersWithEmail(email)).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{admin}", "{door,admin}", "{NULL}", "{Door}" })
	void theDatabaseStoresNoOtherRoles(String roles) {
		Response signup = signup(uniqueEmail(), "correct horse");

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.jdbc.sql("UPDATE users SET roles = ?::text[] WHERE id = ?")
				.params(roles, id(signup))
				.update());
		assertThat(storedRoles(signup)).isEmpty();
	}

	@Test
	void noHttpRouteGrantsARole() {
		String email = uniqueEmail();
		Response signup = signup(email, "correct horse");
		String id = signup.json().get("id").asString();
		String body = TestHttp.json(Map.of("role", "door", "roles", List.of("door"), "email", email));
		String[] bearer = { "Authorization", "Bearer " + signup.cookieValue("session"), "Content-Type",
				"application/json" };

		for (String path : List.of("/api/users/roles", "/api/users/" + id + "/roles", "/api/users/" + id,
				"/api/users/" + id + "/roles/door", "/api/users/currentuser", "/api/users/currentuser/roles",
				"/api/users/roles/grant", "/api/roles", "/api/users/admin/roles")) {
			for (String method : List.of("POST", "PUT", "PATCH")) {
				Response response = this.http.send(method, path, BodyPublishers.ofString(body), bearer);
				assertThat(response.status()).as("%s %s", method, path).isIn(404, 405);
			}
		}
		// Sign-up and sign-in ignore a roles field like any unknown one.
		String withRoles = uniqueEmail();
		Response signupWithRoles = this.http.postJson("/api/users/signup", TestHttp
			.json(Map.of("email", withRoles, "password", "correct horse", "roles", List.of("door", "support"))));
		Response signinWithRoles = this.http.postJson("/api/users/signin",
				TestHttp.json(Map.of("email", email, "password", "correct horse", "roles", List.of("door"))));

		assertThat(signupWithRoles.status()).isEqualTo(201);
		assertThat(claims(signupWithRoles.cookieValue("session")).has("roles")).isFalse();
		assertThat(storedRoles(signupWithRoles)).isEmpty();
		assertThat(signinWithRoles.status()).isEqualTo(200);
		assertThat(claims(signinWithRoles.cookieValue("session")).has("roles")).isFalse();
		assertThat(storedRoles(signup)).isEmpty();
		assertThat(claims(refresh(signup.cookieValue("refresh")).cookieValue("session")).has("roles")).isFalse();
	}

	@Test
	void noHttpRouteRevokesARole() {
		String email = uniqueEmail();
		Response signup = signup(email, "correct horse");
		this.roles.grant(Roles.DOOR, email);
		String session = refresh(signup.cookieValue("refresh")).cookieValue("session");
		String id = signup.json().get("id").asString();

		for (String path : List.of("/api/users/roles", "/api/users/roles/door", "/api/users/" + id + "/roles",
				"/api/users/" + id + "/roles/door", "/api/users/currentuser/roles")) {
			Response response = this.http.send("DELETE", path, BodyPublishers.noBody(), "Authorization",
					"Bearer " + session);
			assertThat(response.status()).as("DELETE %s", path).isIn(404, 405);
		}
		assertThat(storedRoles(signup)).containsExactly("door");
	}

	private Response refresh(String refreshToken) {
		return this.http.post("/api/users/refresh", BodyPublishers.noBody(), "Cookie", "refresh=" + refreshToken);
	}

	private List<String> currentUserRoles(String accessToken) {
		JsonNode roles = this.http.get("/api/users/currentuser", "Authorization", "Bearer " + accessToken)
			.json()
			.get("currentUser")
			.get("roles");
		assertThat(roles.isArray()).as("roles is always an array").isTrue();
		return roles.valueStream().map(JsonNode::asString).toList();
	}

	private static JsonNode claims(String accessToken) {
		return JSON.readTree(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]));
	}

	private static List<String> claimedRoles(String accessToken) {
		return claims(accessToken).get("roles").valueStream().map(JsonNode::asString).toList();
	}

	private static UUID id(Response signup) {
		return UUID.fromString(signup.json().get("id").asString());
	}

	private List<String> storedRoles(Response signup) {
		return this.jdbc.sql("SELECT unnest(roles) FROM users WHERE id = ? ORDER BY 1")
			.param(id(signup))
			.query(String.class)
			.list();
	}

}
