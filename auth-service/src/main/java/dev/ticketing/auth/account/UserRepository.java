package dev.ticketing.auth.account;

import java.util.Optional;
import java.util.UUID;

/**
 * Accounts storage. Implementations enforce case-insensitive email uniqueness themselves.
 */
public interface UserRepository {

	/**
	 * @throws EmailInUseException when another account has the same email, ignoring case
	 */
	void insert(User user);

	Optional<User> findByEmail(String email);

	Optional<User> findById(UUID id);

}
