package dev.ticketing.common.security;

import java.io.IOException;

import dev.ticketing.common.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 from Spring Security in the problem shape.
 */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		boolean rejected = request.getAttribute(JwtAuthenticationFilter.REJECTED_TOKEN) != null;
		response.setHeader("WWW-Authenticate", rejected ? "Bearer error=\"invalid_token\"" : "Bearer");
		Problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated",
				rejected ? "The access token is invalid or has expired." : "Authentication is required."));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		Problems.write(response, Problems.of(HttpStatus.FORBIDDEN, "forbidden", Problems.defaultDetail(403)));
	}

}
