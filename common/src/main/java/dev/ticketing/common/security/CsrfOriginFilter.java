package dev.ticketing.common.security;

import java.io.IOException;
import java.util.Set;

import dev.ticketing.common.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The CSRF rule of DESIGN §2: an unsafe request that carries the ambient session or
 * refresh cookie (and no Bearer header) is refused with 403 {@code csrf_rejected} when
 * the browser says it is cross-site ({@code Sec-Fetch-Site: cross-site}) or its
 * {@code Origin} is not allowed. Together with SameSite cookies this needs no token round
 * trip.
 */
final class CsrfOriginFilter extends OncePerRequestFilter {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final Set<String> allowedOrigins;

	CsrfOriginFilter(Set<String> allowedOrigins) {
		this.allowedOrigins = allowedOrigins;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!SAFE_METHODS.contains(request.getMethod()) && carriesAmbientCredentials(request) && looksForged(request)) {
			Problems.write(response, Problems.of(HttpStatus.FORBIDDEN, "csrf_rejected",
					"Cross-site requests authenticated by cookie are not allowed."));
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean carriesAmbientCredentials(HttpServletRequest request) {
		if (JwtAuthenticationFilter.bearerToken(request) != null) {
			return false;
		}
		return SessionCookies.read(request, SessionCookies.SESSION) != null
				|| SessionCookies.read(request, SessionCookies.REFRESH) != null;
	}

	private boolean looksForged(HttpServletRequest request) {
		if ("cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
			return true;
		}
		String origin = request.getHeader("Origin");
		return origin != null && !this.allowedOrigins.contains(origin) && !origin.equals(ownOrigin(request));
	}

	private static String ownOrigin(HttpServletRequest request) {
		String scheme = request.getScheme();
		int port = request.getServerPort();
		boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
		return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
	}

}
