package dev.ticketing.common.security;

import java.util.Set;
import java.util.UUID;

/**
 * The signed-in user of a request, taken from a verified access token. Controllers
 * receive it with {@code @AuthenticationPrincipal AuthenticatedUser user}; a route that
 * needs a role says so in the service's {@link ProtectedRoutes} with
 * {@code hasRole(Roles.DOOR)}.
 *
 * @param id the user's id ({@code sub})
 * @param email the user's email address
 * @param roles the user's roles ({@code roles}, see {@link Roles}) as the token carries
 * them: granted or revoked roles show at the account's next sign-in or refresh
 */
public record AuthenticatedUser(UUID id, String email, Set<String> roles) {

	public AuthenticatedUser {
		roles = Set.copyOf(roles);
	}

	/** A user without roles. */
	public AuthenticatedUser(UUID id, String email) {
		this(id, email, Set.of());
	}

	public boolean hasRole(String role) {
		return this.roles.contains(role);
	}

}
