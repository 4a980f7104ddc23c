package dev.ticketing.auth.session;

import java.util.UUID;

/**
 * {@code {id, email}}: the signed-in account as sign-up, sign-in and refresh answer it
 * ({@code currentuser} adds the roles).
 */
public record UserResponse(UUID id, String email) {

	public static UserResponse of(SessionUser user) {
		return new UserResponse(user.id(), user.email());
	}

}
