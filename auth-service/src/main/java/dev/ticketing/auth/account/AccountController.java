package dev.ticketing.auth.account;

import java.util.HashMap;
import java.util.Map;

import dev.ticketing.auth.session.Session;
import dev.ticketing.auth.session.SessionCookieHeaders;
import dev.ticketing.auth.session.UserResponse;
import dev.ticketing.common.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "users")
class AccountController {

	private final AccountService accounts;

	private final SessionCookieHeaders cookies;

	AccountController(AccountService accounts, SessionCookieHeaders cookies) {
		this.accounts = accounts;
		this.cookies = cookies;
	}

	@PostMapping(path = "/api/users/signup", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Create an account and sign in: sets the session and refresh cookies")
	@ApiResponse(responseCode = "201", description = "The account; cookies set")
	@ApiResponse(responseCode = "400",
			description = "validation_failed: email at most 254 characters and valid, password 8 to 128 characters")
	@ApiResponse(responseCode = "409", description = "email_in_use (case-insensitive)")
	ResponseEntity<UserResponse> signup(@Valid @RequestBody Credentials credentials) {
		Session session = this.accounts.signup(credentials);
		return ResponseEntity.status(HttpStatus.CREATED)
			.headers(this.cookies.set(session))
			.body(UserResponse.of(session.user()));
	}

	@PostMapping(path = "/api/users/signin", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Sign in: sets the session and refresh cookies")
	@ApiResponse(responseCode = "200", description = "The account; cookies set")
	@ApiResponse(responseCode = "401",
			description = "invalid_credentials: the same for an unknown email and a wrong password")
	@ApiResponse(responseCode = "429", description = "too_many_attempts, with Retry-After")
	ResponseEntity<UserResponse> signin(@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
		Session session = this.accounts.signin(credentials, request.getRemoteAddr());
		return ResponseEntity.ok().headers(this.cookies.set(session)).body(UserResponse.of(session.user()));
	}

	/**
	 * The user of the access token as the token says: a role granted or revoked since it
	 * was issued shows after the next sign-in or refresh, as it does in every service.
	 */
	@GetMapping("/api/users/currentuser")
	@Operation(summary = "The user of the access token, or null for a visitor; never 401")
	@ApiResponse(responseCode = "200", description = "{\"currentUser\": {id, email, roles}} or {\"currentUser\": null}")
	Map<String, @Nullable CurrentUserResponse> currentUser(@AuthenticationPrincipal @Nullable AuthenticatedUser user) {
		// Map.of refuses null values; {"currentUser": null} answers a visitor.
		Map<String, @Nullable CurrentUserResponse> body = new HashMap<>();
		body.put("currentUser", (user != null) ? CurrentUserResponse.of(user) : null);
		return body;
	}

}
