package dev.ticketing.auth.session;

import java.time.Duration;

import dev.ticketing.auth.config.AuthProperties;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import static dev.ticketing.common.security.SessionCookies.REFRESH;
import static dev.ticketing.common.security.SessionCookies.SESSION;

/**
 * The {@code Set-Cookie} headers of DESIGN §2: {@code session} (HttpOnly, SameSite=Lax,
 * Path=/) and {@code refresh} (HttpOnly, SameSite=Strict, Path=/api/users),
 * {@code Secure} as configured.
 */
@Component
public class SessionCookieHeaders {

	static final String REFRESH_PATH = "/api/users";

	private final boolean secure;

	private final Duration accessTtl;

	private final Duration refreshTtl;

	SessionCookieHeaders(AuthProperties properties) {
		this.secure = properties.cookieSecure();
		this.accessTtl = properties.accessTokenTtl();
		this.refreshTtl = properties.refreshTokenTtl();
	}

	/** Headers that set both cookies for a session. */
	public HttpHeaders set(Session session) {
		HttpHeaders headers = new HttpHeaders();
		headers.add(HttpHeaders.SET_COOKIE, sessionCookie(session.accessToken(), this.accessTtl).toString());
		headers.add(HttpHeaders.SET_COOKIE, refreshCookie(session.refreshToken(), this.refreshTtl).toString());
		return headers;
	}

	/** Headers that remove both cookies. */
	public HttpHeaders clear() {
		HttpHeaders headers = new HttpHeaders();
		headers.add(HttpHeaders.SET_COOKIE, sessionCookie("", Duration.ZERO).toString());
		headers.add(HttpHeaders.SET_COOKIE, refreshCookie("", Duration.ZERO).toString());
		return headers;
	}

	private ResponseCookie sessionCookie(String value, Duration maxAge) {
		return ResponseCookie.from(SESSION, value)
			.httpOnly(true)
			.secure(this.secure)
			.sameSite("Lax")
			.path("/")
			.maxAge(maxAge)
			.build();
	}

	private ResponseCookie refreshCookie(String value, Duration maxAge) {
		return ResponseCookie.from(REFRESH, value)
			.httpOnly(true)
			.secure(this.secure)
			.sameSite("Strict")
			.path(REFRESH_PATH)
			.maxAge(maxAge)
			.build();
	}

}
