package dev.ticketing.auth.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import dev.ticketing.auth.AuthIntegrationTest;
import dev.ticketing.common.testing.TestHttp;
import dev.ticketing.common.testing.TestHttp.Response;
import dev.ticketing.common.jwt.JwksKeyResolver;
import dev.ticketing.common.jwt.JwtVerifier;
import dev.ticketing.common.jwt.VerifiedToken;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class AccountApiIntegrationTests extends AuthIntegrationTest {

	@Test
	void signupCreatesAccountAndStartsSession() {
		String email = uniqueEmail();
		Response response = signup(email, "correct horse");

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().get("email").asString()).isEqualTo(email);
		UUID id = UUID.fromString(response.json().get("id").asString());
		assertThat(response.json().properties()).hasSize(2);
		assertThat(this.jdbc.sql("SELECT count(*) FROM users WHERE id = ?").param(id).query(Long.class).single())
			.isEqualTo(1);
		assertThat(response.setCookie("session")).contains("HttpOnly")
			.contains("SameSite=Lax")
			.contains("Path=/;")
			.contains("Max-Age=900")
			.doesNotContain("Secure");
		assertThat(response.setCookie("refresh")).contains("HttpOnly")
			.contains("SameSite=Strict")
			.contains("Path=/api/users")
			.contains("Max-Age=604800")
			.doesNotContain("Secure");
	}

	@Test
	void passwordIsStoredAsArgon2idHashOnly() {
		String email = uniqueEmail();
		signup(email, "correct horse");
		String hash = this.jdbc.sql("SELECT password_hash FROM users WHERE email = ?")
			.param(email)
			.query(String.class)
			.single();
		assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("correct horse");
	}

	@Test
	void signupWithEmailInUseIgnoringCaseIs409() {
		String email = uniqueEmail();
		assertThat(signup(email, "password1").status()).isEqualTo(201);

		Response again = signup(email.toUpperCase(), "password2");

		assertProblem(again, 409, "email_in_use");
		assertThat(usersWithEmail(email)).isEqualTo(1);
	}

	@Test
	void signupValidatesEveryField() {
		String longEmail = "a".repeat(245) + "@example.com";
		assertValidationError(signup("not-an-email", "password1"), "email");
		assertValidationError(signup(longEmail, "password1"), "email");
		assertValidationError(signup("", "password1"), "email");
		assertValidationError(signup(uniqueEmail(), "short7!"), "password");
		assertValidationError(signup(uniqueEmail(), "p".repeat(129)), "password");
		assertValidationError(this.http.postJson("/api/users/signup", "{\"email\":\"" + uniqueEmail() + "\"}"),
				"password");
		assertValidationError(this.http.postJson("/api/users/signup", "{\"password\":\"password1\"}"), "email");
		Response both = this.http.postJson("/api/users/signup", "{}");
		assertThat(both.json().get("errors").findValuesAsString("field")).containsExactly("email", "password");
	}

	@Test
	void passwordLengthLimitsAreInclusive() {
		assertThat(signup(uniqueEmail(), "p".repeat(8)).status()).isEqualTo(201);
		assertThat(signup(uniqueEmail(), "p".repeat(128)).status()).isEqualTo(201);
	}

	@Test
	void signinWithCorrectPasswordIgnoringEmailCaseStartsSession() {
		String email = uniqueEmail();
		String id = signup(email, "correct horse").json().get("id").asString();

		Response response = signin(email.toUpperCase(), "correct horse");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("id").asString()).isEqualTo(id);
		assertThat(response.json().get("email").asString()).isEqualTo(email);
		assertThat(response.cookieValue("session")).isNotEmpty();
		assertThat(response.cookieValue("refresh")).isNotEmpty();
	}

	@Test
	void signinAnswersUnknownEmailAndWrongPasswordAlike() {
		String email = uniqueEmail();
		signup(email, "correct horse");

		Response wrongPassword = signin(email, "wrong horse");
		Response unknownEmail = signin(uniqueEmail(), "correct horse");

		assertProblem(wrongPassword, 401, "invalid_credentials");
		assertProblem(unknownEmail, 401, "invalid_credentials");
		assertThat(unknownEmail.body()).isEqualTo(wrongPassword.body());
		assertThat(wrongPassword.setCookies()).isEmpty();
	}

	@Test
	void currentUserComesFromCookieOrBearerToken() {
		String email = uniqueEmail();
		Response signup = signup(email, "correct horse");
		String token = signup.cookieValue("session");
		String id = signup.json().get("id").asString();

		JsonNode viaCookie = this.http.get("/api/users/currentuser", "Cookie", "session=" + token).json();
		JsonNode viaBearer = this.http.get("/api/users/currentuser", "Authorization", "Bearer " + token).json();

		assertThat(viaCookie.get("currentUser").get("id").asString()).isEqualTo(id);
		assertThat(viaCookie.get("currentUser").get("email").asString()).isEqualTo(email);
		assertThat(viaCookie.get("currentUser").get("roles").isArray()).isTrue();
		assertThat(viaCookie.get("currentUser").get("roles").isEmpty()).isTrue();
		assertThat(viaBearer).isEqualTo(viaCookie);
	}

	@Test
	void currentUserIsNullWithoutAValidToken() {
		String token = signup(uniqueEmail(), "correct horse").cookieValue("session");
		// Change the first signature character: all its 6 bits are significant (the
		// last characters of base64url carry padding bits, and changing those may
		// leave the signature as it was).
		int signature = token.lastIndexOf('.') + 1;
		char replacement = (token.charAt(signature) == 'A') ? 'B' : 'A';
		String tampered = token.substring(0, signature) + replacement + token.substring(signature + 1);

		for (Response response : new Response[] { this.http.get("/api/users/currentuser"),
				this.http.get("/api/users/currentuser", "Cookie", "session=" + tampered),
				this.http.get("/api/users/currentuser", "Authorization", "Bearer not.a.jwt") }) {
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.body()).isEqualTo("{\"currentUser\":null}");
		}
	}

	@Test
	void accessTokenIsAnEdDsaJwtWithTheDocumentedClaims() {
		String email = uniqueEmail();
		Response signup = signup(email, "correct horse");
		String token = signup.cookieValue("session");
		JsonMapper json = JsonMapper.builder().build();
		String[] parts = token.split("\\.");
		JsonNode header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
		JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
		JsonNode jwks = this.http.get("/api/users/.well-known/jwks.json").json();

		assertThat(header.get("alg").asString()).isEqualTo("EdDSA");
		assertThat(jwks.get("keys").findValuesAsString("kid")).contains(header.get("kid").asString());
		assertThat(claims.get("iss").asString()).isEqualTo("ticketing-auth");
		assertThat(claims.get("aud").isArray() ? claims.get("aud").get(0).asString() : claims.get("aud").asString())
			.isEqualTo("ticketing");
		assertThat(claims.get("sub").asString()).isEqualTo(signup.json().get("id").asString());
		assertThat(claims.get("email").asString()).isEqualTo(email);
		assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(900);
		assertThat(claims.get("jti").asString()).isNotBlank();
		// A new account has no roles, and the claim is absent rather than empty.
		assertThat(claims.has("roles")).isFalse();

		// Verified as every other service will, with keys from the JWKS endpoint.
		JwksKeyResolver keys = new JwksKeyResolver(
				java.net.URI.create("http://localhost:" + this.port + "/api/users/.well-known/jwks.json"),
				Duration.ZERO, Duration.ofMinutes(10), java.time.Clock.systemUTC());
		VerifiedToken verified = new JwtVerifier(keys, 60, java.time.Clock.systemUTC()).verify(token);
		assertThat(verified.userId().toString()).isEqualTo(signup.json().get("id").asString());
		assertThat(verified.expiresAt()).isBetween(Instant.now().plusSeconds(800), Instant.now().plusSeconds(901));
		assertThat(verified.roles()).isEmpty();
	}

	@Test
	void jwksPublishesOnlyPublicEd25519Keys() {
		Response response = this.http.get("/api/users/.well-known/jwks.json");

		assertThat(response.status()).isEqualTo(200);
		JsonNode key = response.json().get("keys").get(0);
		assertThat(key.get("kty").asString()).isEqualTo("OKP");
		assertThat(key.get("crv").asString()).isEqualTo("Ed25519");
		assertThat(key.get("alg").asString()).isEqualTo("EdDSA");
		assertThat(key.get("use").asString()).isEqualTo("sig");
		assertThat(key.has("x")).isTrue();
		assertThat(key.has("d")).isFalse();
	}

	Response signin(String email, String password) {
		return this.http.postJson("/api/users/signin", TestHttp.json(Map.of("email", email, "password", password)));
	}

	static void assertValidationError(Response response, String field) {
		assertProblem(response, 400, "validation_failed");
		assertThat(response.json().get("errors").findValuesAsString("field")).contains(field);
	}

}
