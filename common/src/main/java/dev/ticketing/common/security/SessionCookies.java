package dev.ticketing.common.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Names of the cookies DESIGN §2 defines, and reading them.
 */
public final class SessionCookies {

	/** The access token (a JWT). */
	public static final String SESSION = "session";

	/** The opaque refresh token; sent only to {@code /api/users}. */
	public static final String REFRESH = "refresh";

	private SessionCookies() {
	}

	/** The value of the named cookie, or {@code null}. */
	public static @Nullable String read(HttpServletRequest request, String name) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (name.equals(cookie.getName())) {
				return cookie.getValue();
			}
		}
		return null;
	}

}
