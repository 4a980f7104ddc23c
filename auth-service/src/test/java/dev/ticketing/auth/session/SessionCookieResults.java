package dev.ticketing.auth.session;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.ResultMatcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MockMvc expectations for the session cookies of DESIGN §2 under auth-service's default
 * settings (15 min access tokens, 7 day refresh tokens, no {@code Secure} for plain-http
 * local runs): {@code session} (HttpOnly, SameSite=Lax, Path=/) and {@code refresh}
 * (HttpOnly, SameSite=Strict, Path=/api/users).
 */
public final class SessionCookieResults {

	private SessionCookieResults() {
	}

	/** Both cookies set to a session's tokens. */
	public static ResultMatcher sessionCookiesOf(Session session) {
		return both(session.accessToken(), 900, session.refreshToken(), 604800);
	}

	/** Both cookies emptied, to be removed at once. */
	public static ResultMatcher sessionCookiesCleared() {
		return both("", 0, "", 0);
	}

	private static ResultMatcher both(String access, long accessMaxAge, String refresh, long refreshMaxAge) {
		return (result) -> {
			assertThat(result.getResponse().getHeaders(HttpHeaders.SET_COOKIE)).hasSize(2);
			assertCookie(result.getResponse().getHeaders(HttpHeaders.SET_COOKIE), "session", access, "/", accessMaxAge,
					"Lax");
			assertCookie(result.getResponse().getHeaders(HttpHeaders.SET_COOKIE), "refresh", refresh, "/api/users",
					refreshMaxAge, "Strict");
		};
	}

	private static void assertCookie(List<String> headers, String name, String value, String path, long maxAge,
			String sameSite) {
		String cookie = headers.stream()
			.filter((header) -> header.startsWith(name + "="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no Set-Cookie for " + name + " in " + headers));
		assertThat(cookie).startsWith(name + "=" + value + ";")
			.contains("; Path=" + path + ";", "; Max-Age=" + maxAge + ";", "; HttpOnly", "; SameSite=" + sameSite)
			.doesNotContain("Secure");
	}

}
