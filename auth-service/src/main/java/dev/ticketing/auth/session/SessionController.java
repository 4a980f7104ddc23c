package dev.ticketing.auth.session;

import dev.ticketing.auth.account.UserResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static dev.ticketing.common.security.SessionCookies.REFRESH;

@RestController
class SessionController {

	private final SessionService sessions;

	private final SessionCookieHeaders cookies;

	SessionController(SessionService sessions, SessionCookieHeaders cookies) {
		this.sessions = sessions;
		this.cookies = cookies;
	}

	@PostMapping("/api/users/refresh")
	ResponseEntity<UserResponse> refresh(@CookieValue(name = REFRESH, required = false) String refreshToken) {
		if (refreshToken == null || refreshToken.isEmpty()) {
			throw new RefreshRejectedException(this.cookies.clear());
		}
		Session session = this.sessions.refresh(refreshToken)
			.orElseThrow(() -> new RefreshRejectedException(this.cookies.clear()));
		return ResponseEntity.ok().headers(this.cookies.set(session)).body(session.user());
	}

	@PostMapping("/api/users/signout")
	ResponseEntity<Void> signout(@CookieValue(name = REFRESH, required = false) String refreshToken) {
		if (refreshToken != null && !refreshToken.isEmpty()) {
			this.sessions.end(refreshToken);
		}
		return ResponseEntity.noContent().headers(this.cookies.clear()).build();
	}

}
