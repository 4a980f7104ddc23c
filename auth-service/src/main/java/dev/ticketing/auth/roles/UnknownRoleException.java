package dev.ticketing.auth.roles;

/**
 * A role that is none of {@link RoleService#KNOWN}.
 */
public class UnknownRoleException extends RuntimeException {

	public UnknownRoleException(String role) {
		super("unknown role " + role + "; the roles are " + String.join(", ", RoleService.KNOWN));
	}

}
