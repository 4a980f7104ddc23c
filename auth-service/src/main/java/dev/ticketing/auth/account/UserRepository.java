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

	/**
	 * Gives the account a role (one of {@code Roles}).
	 * @return whether it changed anything: false when the account already had the role or
	 * does not exist
	 */
	boolean addRole(UUID id, String role);

	/**
	 * Takes a role from the account.
	 * @return whether it changed anything: false when the account did not have the role
	 * or does not exist
	 */
	boolean removeRole(UUID id, String role);

}
