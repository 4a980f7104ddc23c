package dev.ticketing.auth.session;

import dev.ticketing.common.web.Problems;

import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static dev.ticketing.common.security.SessionCookies.REFRESH;

@RestController
@Tag(name = "users")
class SessionController {

	private final SessionService sessions;

	private final SessionCookieHeaders cookies;

	SessionController(SessionService sessions, SessionCookieHeaders cookies) {
		this.sessions = sessions;
		this.cookies = cookies;
	}

	/**
	 * A new session for the refresh cookie's, or 401 {@code unauthenticated} clearing
	 * both cookies, which can no longer be used.
	 */
	@PostMapping("/api/users/refresh")
	@Operation(summary = "A new session for the refresh cookie; the refresh token is rotated")
	@ApiResponse(responseCode = "200", description = "The account; new cookies set",
			content = @Content(schema = @Schema(implementation = UserResponse.class)))
	@ApiResponse(responseCode = "401",
			description = "unauthenticated: the refresh token is missing, expired or revoked (reuse of a rotated one revokes its family); cookies cleared")
	ResponseEntity<?> refresh(@CookieValue(name = REFRESH, required = false) @Nullable String refreshToken) {
		return Optional.ofNullable(refreshToken)
			.filter((token) -> !token.isEmpty())
			.flatMap(this.sessions::refresh)
			.<ResponseEntity<?>>map((session) -> ResponseEntity.ok()
				.headers(this.cookies.set(session))
				.body(UserResponse.of(session.user())))
			.orElseGet(() -> ResponseEntity.status(HttpStatus.UNAUTHORIZED)
				.headers(this.cookies.clear())
				.body(Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated",
						"The refresh token is missing, expired or revoked.")));
	}

	@PostMapping("/api/users/signout")
	@Operation(summary = "Sign out: revokes the refresh token and clears both cookies")
	@ApiResponse(responseCode = "204", description = "Signed out, also without a session")
	ResponseEntity<Void> signout(@CookieValue(name = REFRESH, required = false) @Nullable String refreshToken) {
		if (refreshToken != null && !refreshToken.isEmpty()) {
			this.sessions.end(refreshToken);
		}
		return ResponseEntity.noContent().headers(this.cookies.clear()).build();
	}

}
