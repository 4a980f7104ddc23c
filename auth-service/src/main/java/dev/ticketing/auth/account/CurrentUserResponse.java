package dev.ticketing.auth.account;

import java.util.List;
import java.util.UUID;

import dev.ticketing.common.security.AuthenticatedUser;

/**
 * {@code {id, email, roles}}: the signed-in user as {@code currentuser} shows it, the
 * roles sorted and always an array.
 */
record CurrentUserResponse(UUID id, String email, List<String> roles) {

	static CurrentUserResponse of(AuthenticatedUser user) {
		return new CurrentUserResponse(user.id(), user.email(), user.roles().stream().sorted().toList());
	}

}
