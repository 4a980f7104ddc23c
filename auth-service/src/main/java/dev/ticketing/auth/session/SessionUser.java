package dev.ticketing.auth.session;

import java.util.Set;
import java.util.UUID;

/**
 * The account a session is for, as far as sessions need to know it: read afresh at every
 * sign-in and refresh, so a renewed token carries the account as it is now.
 *
 * @param id the account's id, the tokens' {@code sub}
 * @param email its email address, the access token's {@code email}
 * @param roles its roles, the access token's {@code roles} (absent when empty)
 */
public record SessionUser(UUID id, String email, Set<String> roles) {

	public SessionUser {
		roles = Set.copyOf(roles);
	}

}
