package dev.ticketing.auth.session;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import dev.ticketing.auth.AuthIntegrationTest;
import dev.ticketing.common.testing.TestHttp.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SessionApiIntegrationTests extends AuthIntegrationTest {

	@Test
	void refreshRotatesTheRefreshTokenAndIssuesANewAccessToken() {
		Response signup = signup();
		String refresh = signup.cookieValue("refresh");

		Response refreshed = refresh(refresh);

		assertThat(refreshed.status()).isEqualTo(200);
		assertThat(refreshed.json().get("id").asString()).isEqualTo(signup.json().get("id").asString());
		assertThat(refreshed.cookieValue("refresh")).isNotEqualTo(refresh);
		assertThat(refreshed.cookieValue("session")).isNotEqualTo(signup.cookieValue("session"));
		assertThat(refreshed.setCookie("refresh")).contains("Path=/api/users").contains("SameSite=Strict");
		assertThat(refresh(refreshed.cookieValue("refresh")).status()).isEqualTo(200);
	}

	@Test
	void reusingARotatedRefreshTokenRevokesTheWholeFamily() {
		String first = signup().cookieValue("refresh");
		String second = refresh(first).cookieValue("refresh");

		Response reuse = refresh(first);

		assertProblem(reuse, 401, "unauthenticated");
		assertThat(reuse.setCookie("refresh")).contains("Max-Age=0");
		// The legitimate holder of the newest token is signed out as well.
		assertProblem(refresh(second), 401, "unauthenticated");
	}

	@Test
	void refreshTokensAreStoredOnlyAsHashes() {
		String refresh = signup().cookieValue("refresh");
		long stored = this.jdbc.sql("SELECT count(*) FROM refresh_tokens WHERE token_hash = ?")
			.param(sha256(refresh))
			.query(Long.class)
			.single();
		long plain = this.jdbc
			.sql("SELECT count(*) FROM refresh_tokens WHERE position(convert_to(?, 'UTF8') in token_hash) > 0")
			.param(refresh)
			.query(Long.class)
			.single();
		assertThat(stored).isEqualTo(1);
		assertThat(plain).isZero();
	}

	@Test
	void refreshWithoutAUsableTokenIs401() {
		assertProblem(this.http.post("/api/users/refresh", HttpRequest.BodyPublishers.noBody()), 401,
				"unauthenticated");
		assertProblem(refresh("made-up-token"), 401, "unauthenticated");
	}

	@Test
	void refreshAfterExpiryIs401() {
		String refresh = signup().cookieValue("refresh");
		this.jdbc.sql("UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = ?")
			.param(sha256(refresh))
			.update();
		assertProblem(refresh(refresh), 401, "unauthenticated");
	}

	@Test
	void signoutClearsCookiesAndRevokesTheRefreshToken() {
		Response signup = signup();
		String refresh = signup.cookieValue("refresh");

		Response signout = this.http.post("/api/users/signout", HttpRequest.BodyPublishers.noBody(), "Cookie",
				"session=" + signup.cookieValue("session") + "; refresh=" + refresh);

		assertThat(signout.status()).isEqualTo(204);
		assertThat(signout.setCookie("session")).startsWith("session=;").contains("Max-Age=0").contains("Path=/");
		assertThat(signout.setCookie("refresh")).startsWith("refresh=;")
			.contains("Max-Age=0")
			.contains("Path=/api/users");
		assertProblem(refresh(refresh), 401, "unauthenticated");
	}

	@Test
	void signoutWithoutSessionIs204() {
		assertThat(this.http.post("/api/users/signout", HttpRequest.BodyPublishers.noBody()).status()).isEqualTo(204);
	}

	@Test
	void crossSiteSignoutByCookieIsRejectedAndChangesNothing() {
		Response signup = signup();
		String cookies = "session=" + signup.cookieValue("session") + "; refresh=" + signup.cookieValue("refresh");

		Response evilOrigin = this.http.post("/api/users/signout", HttpRequest.BodyPublishers.noBody(), "Cookie",
				cookies, "Origin", "https://evil.example");
		Response crossSite = this.http.post("/api/users/refresh", HttpRequest.BodyPublishers.noBody(), "Cookie",
				cookies, "Sec-Fetch-Site", "cross-site");

		assertProblem(evilOrigin, 403, "csrf_rejected");
		assertProblem(crossSite, 403, "csrf_rejected");
		assertThat(refresh(signup.cookieValue("refresh")).status()).isEqualTo(200);
	}

	@Test
	void sameSiteRequestsFromTheStorefrontPassTheCsrfRule() {
		Response signup = signup();
		Response refreshed = this.http.post("/api/users/refresh", HttpRequest.BodyPublishers.noBody(), "Cookie",
				"refresh=" + signup.cookieValue("refresh"), "Origin", "http://localhost:3000", "Sec-Fetch-Site",
				"same-origin");
		assertThat(refreshed.status()).isEqualTo(200);
	}

	Response signup() {
		return signup(uniqueEmail(), "correct horse");
	}

	Response refresh(String token) {
		return this.http.post("/api/users/refresh", HttpRequest.BodyPublishers.noBody(), "Cookie", "refresh=" + token);
	}

	static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
