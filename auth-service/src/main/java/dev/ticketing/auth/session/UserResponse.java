package dev.ticketing.auth.session;

import java.util.UUID;

/**
 * {@code {id, email}}: the signed-in account as the API shows it (sign-up, sign-in,
 * refresh, {@code currentuser}).
 */
public record UserResponse(UUID id, String email) {

	public static UserResponse of(SessionUser user) {
		return new UserResponse(user.id(), user.email());
	}

}
