package dev.ticketing.auth.account;

import java.time.Instant;
import java.util.UUID;

import dev.ticketing.auth.session.SessionUser;

/**
 * An account. The email is kept as the user typed it; uniqueness ignores case.
 */
public record User(UUID id, String email, String passwordHash, Instant createdAt) {

	/** What a session needs to know of the account. */
	public SessionUser asSessionUser() {
		return new SessionUser(this.id, this.email);
	}

}
