package dev.ticketing.common.security;

import java.io.IOException;

import dev.ticketing.common.jwt.InvalidTokenException;
import dev.ticketing.common.jwt.JwtVerifier;
import dev.ticketing.common.jwt.VerifiedToken;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request from its access token: the {@code Authorization: Bearer} header
 * when there is one, otherwise the {@code session} cookie. A missing or unacceptable
 * token leaves the request anonymous; protected routes then answer 401, public ones carry
 * on.
 */
final class JwtAuthenticationFilter extends OncePerRequestFilter {

	/** Request attribute set when a token was presented but rejected. */
	static final String REJECTED_TOKEN = JwtAuthenticationFilter.class.getName() + ".rejected";

	private static final Logger log = LoggerFactory.getLogger(JwtAuthenticationFilter.class);

	private static final String BEARER = "Bearer ";

	private final JwtVerifier verifier;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	JwtAuthenticationFilter(JwtVerifier verifier) {
		this.verifier = verifier;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String bearer = bearerToken(request);
		String token = (bearer != null) ? bearer : SessionCookies.read(request, SessionCookies.SESSION);
		if (token != null && !token.isEmpty()) {
			try {
				VerifiedToken verified = this.verifier.verify(token);
				SecurityContext context = this.contexts.createEmptyContext();
				context.setAuthentication(new UserAuthentication(
						new AuthenticatedUser(verified.userId(), verified.email(), verified.roles())));
				this.contexts.setContext(context);
			}
			catch (InvalidTokenException ex) {
				log.debug("Ignoring an unacceptable access token: {}", ex.getMessage());
				request.setAttribute(REJECTED_TOKEN, Boolean.TRUE);
			}
		}
		chain.doFilter(request, response);
	}

	static @Nullable String bearerToken(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return header.substring(BEARER.length()).trim();
		}
		return null;
	}

}
