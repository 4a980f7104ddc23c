package dev.ticketing.auth.session;

import java.util.Optional;
import java.util.UUID;

/**
 * Where sessions look an account up when they renew: implemented by the accounts, so that
 * sessions depend on no account code (and a renewed token carries the account as it is
 * now).
 */
@FunctionalInterface
public interface SessionUsers {

	/** The account with this id, if it still exists. */
	Optional<SessionUser> find(UUID id);

}
