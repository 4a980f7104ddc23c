package dev.ticketing.auth.account;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import dev.ticketing.auth.session.SessionUser;

/**
 * An account. The email is kept as the user typed it; uniqueness ignores case. Roles
 * ({@code Roles}) are none at sign-up; only the operator command changes them.
 */
public record User(UUID id, String email, String passwordHash, Instant createdAt, Set<String> roles) {

	public User {
		roles = Set.copyOf(roles);
	}

	/** A new account, without roles. */
	public User(UUID id, String email, String passwordHash, Instant createdAt) {
		this(id, email, passwordHash, createdAt, Set.of());
	}

	/** What a session needs to know of the account. */
	public SessionUser asSessionUser() {
		return new SessionUser(this.id, this.email, this.roles);
	}

}
