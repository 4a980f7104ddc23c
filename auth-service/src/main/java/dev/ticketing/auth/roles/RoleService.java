package dev.ticketing.auth.roles;

import java.util.List;

import dev.ticketing.auth.account.User;
import dev.ticketing.auth.account.UserRepository;
import dev.ticketing.common.security.Roles;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grants, revokes and shows an account's roles, by the account's email (ignoring case).
 * Granting a role held or revoking one not held changes nothing and says so.
 */
@Service
public class RoleService {

	/**
	 * Every role there is, sorted; the database's check on {@code users.roles} agrees.
	 */
	public static final List<String> KNOWN = List.of(Roles.DOOR, Roles.SUPPORT);

	private final UserRepository users;

	RoleService(UserRepository users) {
		this.users = users;
	}

	/**
	 * @throws UnknownRoleException when the role is none of {@link #KNOWN}
	 * @throws AccountNotFoundException when no account has the email
	 */
	@Transactional
	public RoleChange grant(String role, String email) {
		checkKnown(role);
		User user = find(email);
		return new RoleChange(user.email(), role, this.users.addRole(user.id(), role));
	}

	/**
	 * @throws UnknownRoleException when the role is none of {@link #KNOWN}
	 * @throws AccountNotFoundException when no account has the email
	 */
	@Transactional
	public RoleChange revoke(String role, String email) {
		checkKnown(role);
		User user = find(email);
		return new RoleChange(user.email(), role, this.users.removeRole(user.id(), role));
	}

	/**
	 * The account's roles as they are stored now, sorted: what its next sign-in or
	 * refresh puts in the access token.
	 * @throws AccountNotFoundException when no account has the email
	 */
	@Transactional(readOnly = true)
	public HeldRoles show(String email) {
		User user = find(email);
		return new HeldRoles(user.email(), user.roles().stream().sorted().toList());
	}

	private static void checkKnown(String role) {
		if (!KNOWN.contains(role)) {
			throw new UnknownRoleException(role);
		}
	}

	private User find(String email) {
		return this.users.findByEmail(email).orElseThrow(() -> new AccountNotFoundException(email));
	}

	/**
	 * What a grant or revoke did.
	 *
	 * @param email the account's email as it was signed up with
	 * @param role the role
	 * @param changed false when the account already had (grant) or did not have (revoke)
	 * the role
	 */
	public record RoleChange(String email, String role, boolean changed) {
	}

	/**
	 * An account's roles.
	 *
	 * @param email the account's email as it was signed up with
	 * @param roles its roles, sorted
	 */
	public record HeldRoles(String email, List<String> roles) {

		public HeldRoles {
			roles = List.copyOf(roles);
		}

	}

}
